using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class Interests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "interests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recruiter_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recruiter_name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    recruiter_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    answered_by_name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    answer_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    answer_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interests", x => x.id);
                    table.ForeignKey(
                        name: "FK_interests_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_interests_answer_token_hash",
                table: "interests",
                column: "answer_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interests_card_id_organisation_id",
                table: "interests",
                columns: new[] { "card_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interests_dossier_id",
                table: "interests",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "IX_interests_organisation_id",
                table: "interests",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "interests");
        }
    }
}
