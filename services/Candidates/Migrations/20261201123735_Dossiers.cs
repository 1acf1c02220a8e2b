using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "dossier_numbers");

            migrationBuilder.CreateTable(
                name: "dossiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "nextval('dossier_numbers')"),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    territory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    email_key = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    name_key = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    has_health_data = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    response_body = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotent_requests", x => new { x.client_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "dossier_partners",
                columns: table => new
                {
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    partner_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_partners", x => new { x.dossier_id, x.organisation_id });
                    table.ForeignKey(
                        name: "FK_dossier_partners_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_transitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    to_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_transitions", x => x.id);
                    table.ForeignKey(
                        name: "FK_dossier_transitions_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_partners_organisation_id",
                table: "dossier_partners",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_transitions_dossier_id",
                table: "dossier_transitions",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_email_key",
                table: "dossiers",
                column: "email_key");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_name_key",
                table: "dossiers",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_number",
                table: "dossiers",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_territory_status",
                table: "dossiers",
                columns: new[] { "territory", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_partners");

            migrationBuilder.DropTable(
                name: "dossier_transitions");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropSequence(
                name: "dossier_numbers");
        }
    }
}
