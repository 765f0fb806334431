using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nervewise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanPathway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Pathway",
                table: "PlanSettings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Pathway",
                table: "PlanSettings");
        }
    }
}
