using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retention_warned_for",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dossier_statistics",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    territory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    age_band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_statistics", x => new { x.month, x.territory, x.outcome, x.age_band });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_updated_at",
                table: "dossiers",
                column: "updated_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_statistics");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_updated_at",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "retention_warned_for",
                table: "dossiers");
        }
    }
}
