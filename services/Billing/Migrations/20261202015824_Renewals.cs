using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Billing.Migrations
{
    /// <inheritdoc />
    public partial class Renewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "renewals",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    declared_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    declared_alsace = table.Column<int>(type: "integer", nullable: true),
                    declared_champagne_ardenne = table.Column<int>(type: "integer", nullable: true),
                    declared_lorraine = table.Column<int>(type: "integer", nullable: true),
                    fee_call_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_renewals", x => new { x.organisation_id, x.year });
                    table.ForeignKey(
                        name: "FK_renewals_members_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "members",
                        principalColumn: "organisation_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_renewals_year_fee_call_id",
                table: "renewals",
                columns: new[] { "year", "fee_call_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "renewals");
        }
    }
}
