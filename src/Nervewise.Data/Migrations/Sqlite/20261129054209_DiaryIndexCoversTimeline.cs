using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nervewise.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DiaryIndexCoversTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DiaryEntries_UserId_OccurredAt",
                table: "DiaryEntries");

            migrationBuilder.CreateIndex(
                name: "IX_DiaryEntries_UserId_OccurredAt_Type_OffsetMinutes_Item_Value",
                table: "DiaryEntries",
                columns: new[] { "UserId", "OccurredAt", "Type", "OffsetMinutes", "Item", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DiaryEntries_UserId_OccurredAt_Type_OffsetMinutes_Item_Value",
                table: "DiaryEntries");

            migrationBuilder.CreateIndex(
                name: "IX_DiaryEntries_UserId_OccurredAt",
                table: "DiaryEntries",
                columns: new[] { "UserId", "OccurredAt" });
        }
    }
}
