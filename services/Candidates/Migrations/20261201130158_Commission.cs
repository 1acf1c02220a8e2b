using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class Commission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "accompaniment_plan",
                table: "dossiers",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dossier_analyses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    skills = table.Column<string>(type: "jsonb", nullable: false),
                    strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    points_to_work = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_analyses", x => x.id);
                    table.ForeignKey(
                        name: "FK_dossier_analyses_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "FK_dossier_recommendations_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "personal_data_reads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reader_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    what = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_reads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "territory_members",
                columns: table => new
                {
                    territory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    pilot = table.Column<bool>(type: "boolean", nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_members", x => new { x.territory, x.account_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_analyses_dossier_id",
                table: "dossier_analyses",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_recommendations_dossier_id",
                table: "dossier_recommendations",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_reads_account_id",
                table: "personal_data_reads",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_reads_dossier_id",
                table: "personal_data_reads",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "IX_territory_members_account_id",
                table: "territory_members",
                column: "account_id");

            // The audit log of personal-data reads is append-only: the database itself refuses to change or remove a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION personal_data_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'personal_data_reads is append-only';
                END $$;
                CREATE TRIGGER personal_data_reads_append_only BEFORE UPDATE OR DELETE ON personal_data_reads
                    FOR EACH ROW EXECUTE FUNCTION personal_data_reads_append_only();
                CREATE TRIGGER personal_data_reads_no_truncate BEFORE TRUNCATE ON personal_data_reads
                    FOR EACH STATEMENT EXECUTE FUNCTION personal_data_reads_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS personal_data_reads_no_truncate ON personal_data_reads;
                DROP TRIGGER IF EXISTS personal_data_reads_append_only ON personal_data_reads;
                DROP FUNCTION IF EXISTS personal_data_reads_append_only();
                """);

            migrationBuilder.DropTable(
                name: "dossier_analyses");

            migrationBuilder.DropTable(
                name: "dossier_recommendations");

            migrationBuilder.DropTable(
                name: "personal_data_reads");

            migrationBuilder.DropTable(
                name: "territory_members");

            migrationBuilder.DropColumn(
                name: "accompaniment_plan",
                table: "dossiers");
        }
    }
}
