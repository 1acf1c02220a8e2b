using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Nege.Directory.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationsDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // French full text without accents: unaccent, then French stemming (the organisations' vectors are generated from it).
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION nege_french (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION nege_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
                """);

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    regional_head_office = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    company_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    presentation_html = table.Column<string>(type: "text", nullable: true),
                    presentation_text = table.Column<string>(type: "text", nullable: false),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    main_activities = table.Column<List<string>>(type: "text[]", nullable: false),
                    activities_text = table.Column<string>(type: "text", nullable: false),
                    site_departements = table.Column<List<string>>(type: "text[]", nullable: false),
                    intervention_departements = table.Column<List<string>>(type: "text[]", nullable: false),
                    hr_contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    hr_contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    card_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    member_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lapsed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    logo_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    stored_logo_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    logo = table.Column<byte[]>(type: "bytea", nullable: true),
                    search = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('nege_french', name), 'A') || setweight(to_tsvector('nege_french', activities_text), 'B') || setweight(to_tsvector('nege_french', presentation_text), 'C')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_intervention_departements",
                table: "organisations",
                column: "intervention_departements")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_main_activities",
                table: "organisations",
                column: "main_activities")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_name",
                table: "organisations",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_search",
                table: "organisations",
                column: "search")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_site_departements",
                table: "organisations",
                column: "site_departements")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS nege_french;");
        }
    }
}
