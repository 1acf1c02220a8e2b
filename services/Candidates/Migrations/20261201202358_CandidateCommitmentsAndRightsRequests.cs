using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class CandidateCommitmentsAndRightsRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "candidate_commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_candidate_commitments", x => x.id);
                    table.ForeignKey(
                        name: "FK_candidate_commitments_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_requests", x => x.id);
                    table.ForeignKey(
                        name: "FK_rights_requests_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_candidate_commitments_dossier_id_at",
                table: "candidate_commitments",
                columns: new[] { "dossier_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_requests_dossier_id_kind",
                table: "rights_requests",
                columns: new[] { "dossier_id", "kind" },
                unique: true,
                filter: "state = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_rights_requests_state_due_on",
                table: "rights_requests",
                columns: new[] { "state", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candidate_commitments");

            migrationBuilder.DropTable(
                name: "rights_requests");
        }
    }
}
