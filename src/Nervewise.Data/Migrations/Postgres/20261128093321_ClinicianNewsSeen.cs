using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nervewise.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClinicianNewsSeen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClinicianNewsSeenAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClinicianNewsSeenAt",
                table: "AspNetUsers");
        }
    }
}
