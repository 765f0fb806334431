using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nervewise.Data.Migrations.Sqlite
{
    /// <summary>
    /// Access-log rows and clinicians' notes keep the clinician's email and outlive the clinician's account (the id
    /// becomes null), so a deleted account cannot take a person's audit trail with it; existing rows get the email
    /// their clinician has now. Sign-in now requires a confirmed email, and accounts made before email confirmation
    /// existed never had the chance: every existing account is marked confirmed here so that nobody is locked out.
    /// </summary>
    public partial class AuditTrailKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClinicianEmail",
                table: "RecordAccessLog",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ClinicianEmail",
                table: "ClinicianNotes",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            // The snapshots are filled while the old foreign keys still stand; then the keys change (on SQLite a rebuild).
            migrationBuilder.Sql("""
                UPDATE "RecordAccessLog" SET "ClinicianEmail" =
                    COALESCE((SELECT "Email" FROM "AspNetUsers" WHERE "AspNetUsers"."Id" = "RecordAccessLog"."ClinicianId"), '');
                """);
            migrationBuilder.Sql("""
                UPDATE "ClinicianNotes" SET "ClinicianEmail" =
                    COALESCE((SELECT "Email" FROM "AspNetUsers" WHERE "AspNetUsers"."Id" = "ClinicianNotes"."ClinicianId"), '');
                """);
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "EmailConfirmed" = 1;""");

            migrationBuilder.DropForeignKey(
                name: "FK_ClinicianNotes_AspNetUsers_ClinicianId",
                table: "ClinicianNotes");

            migrationBuilder.DropForeignKey(
                name: "FK_RecordAccessLog_AspNetUsers_ClinicianId",
                table: "RecordAccessLog");

            migrationBuilder.AlterColumn<string>(
                name: "ClinicianId",
                table: "RecordAccessLog",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "ClinicianId",
                table: "ClinicianNotes",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddForeignKey(
                name: "FK_ClinicianNotes_AspNetUsers_ClinicianId",
                table: "ClinicianNotes",
                column: "ClinicianId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_RecordAccessLog_AspNetUsers_ClinicianId",
                table: "RecordAccessLog",
                column: "ClinicianId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old schema needs a clinician for every row: rows whose clinician is gone cannot go back.
            migrationBuilder.Sql("""DELETE FROM "RecordAccessLog" WHERE "ClinicianId" IS NULL;""");
            migrationBuilder.Sql("""DELETE FROM "ClinicianNotes" WHERE "ClinicianId" IS NULL;""");

            migrationBuilder.DropForeignKey(
                name: "FK_ClinicianNotes_AspNetUsers_ClinicianId",
                table: "ClinicianNotes");

            migrationBuilder.DropForeignKey(
                name: "FK_RecordAccessLog_AspNetUsers_ClinicianId",
                table: "RecordAccessLog");

            migrationBuilder.DropColumn(
                name: "ClinicianEmail",
                table: "RecordAccessLog");

            migrationBuilder.DropColumn(
                name: "ClinicianEmail",
                table: "ClinicianNotes");

            migrationBuilder.AlterColumn<string>(
                name: "ClinicianId",
                table: "RecordAccessLog",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ClinicianId",
                table: "ClinicianNotes",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ClinicianNotes_AspNetUsers_ClinicianId",
                table: "ClinicianNotes",
                column: "ClinicianId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RecordAccessLog_AspNetUsers_ClinicianId",
                table: "RecordAccessLog",
                column: "ClinicianId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
