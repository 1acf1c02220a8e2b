using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Membership.Migrations
{
    /// <inheritdoc />
    public partial class MembershipApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The foundation's one-step applications (a name and an address) cannot become two-part
            // drafts with a referent account: nothing had been decided on them, so they go.
            migrationBuilder.Sql("DELETE FROM membership_applications;");

            migrationBuilder.DropColumn(
                name: "contact_email",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "organisation_name",
                table: "membership_applications");

            migrationBuilder.AddColumn<Guid>(
                name: "affiliation_organisation_id",
                table: "organisations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "application_id",
                table: "organisations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "card_changed_at",
                table: "organisations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "company_type",
                table: "organisations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "digital_sector",
                table: "organisations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "hr_contact_account_id",
                table: "organisations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "intervention_departements",
                table: "organisations",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<Guid>(
                name: "logo_image_id",
                table: "organisations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "main_activities",
                table: "organisations",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "member_since",
                table: "organisations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "perimeter_alsace",
                table: "organisations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "perimeter_champagne_ardenne",
                table: "organisations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "perimeter_lorraine",
                table: "organisations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "presentation",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "regional_head_office",
                table: "organisations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "site_departements",
                table: "organisations",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "startup_creation_date",
                table: "organisations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "startup_headcount",
                table: "organisations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "startup_turnover_band",
                table: "organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "syntec_startup_pack",
                table: "organisations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "website",
                table: "organisations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "submitted_at",
                table: "membership_applications",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<DateOnly>(
                name: "board_meeting_date",
                table: "membership_applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "membership_applications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                table: "membership_applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "decided_by_account_id",
                table: "membership_applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decided_by_name",
                table: "membership_applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "decision_due_on",
                table: "membership_applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_reason",
                table: "membership_applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erase_after",
                table: "membership_applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "key_hash",
                table: "membership_applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "normalized_organisation_name",
                table: "membership_applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "organisation",
                table: "membership_applications",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "organisation_id",
                table: "membership_applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "referent_account_id",
                table: "membership_applications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "membership_applications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "landline_phone",
                table: "accounts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mobile_phone",
                table: "accounts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "notification_categories",
                table: "accounts",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<Guid>(
                name: "photo_image_id",
                table: "accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "workplace_address",
                table: "accounts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "workplace_city",
                table: "accounts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "workplace_postal_code",
                table: "accounts",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "workplace_site_name",
                table: "accounts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "workplace_zone",
                table: "accounts",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "N/A");

            migrationBuilder.CreateTable(
                name: "images",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_images", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_logo_image_id",
                table: "organisations",
                column: "logo_image_id");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_erase_after",
                table: "membership_applications",
                column: "erase_after");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_normalized_organisation_name",
                table: "membership_applications",
                column: "normalized_organisation_name",
                unique: true,
                filter: "status = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_referent_account_id",
                table: "membership_applications",
                column: "referent_account_id");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_photo_image_id",
                table: "accounts",
                column: "photo_image_id");

            migrationBuilder.AddForeignKey(
                name: "FK_accounts_images_photo_image_id",
                table: "accounts",
                column: "photo_image_id",
                principalTable: "images",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_membership_applications_accounts_referent_account_id",
                table: "membership_applications",
                column: "referent_account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_organisations_images_logo_image_id",
                table: "organisations",
                column: "logo_image_id",
                principalTable: "images",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_accounts_images_photo_image_id",
                table: "accounts");

            migrationBuilder.DropForeignKey(
                name: "FK_membership_applications_accounts_referent_account_id",
                table: "membership_applications");

            migrationBuilder.DropForeignKey(
                name: "FK_organisations_images_logo_image_id",
                table: "organisations");

            migrationBuilder.DropTable(
                name: "images");

            migrationBuilder.DropIndex(
                name: "IX_organisations_logo_image_id",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_membership_applications_erase_after",
                table: "membership_applications");

            migrationBuilder.DropIndex(
                name: "IX_membership_applications_normalized_organisation_name",
                table: "membership_applications");

            migrationBuilder.DropIndex(
                name: "IX_membership_applications_referent_account_id",
                table: "membership_applications");

            migrationBuilder.DropIndex(
                name: "IX_accounts_photo_image_id",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "affiliation_organisation_id",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "application_id",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "card_changed_at",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "company_type",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "digital_sector",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "hr_contact_account_id",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "intervention_departements",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "logo_image_id",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "main_activities",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "member_since",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "perimeter_alsace",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "perimeter_champagne_ardenne",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "perimeter_lorraine",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "presentation",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "regional_head_office",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "site_departements",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "startup_creation_date",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "startup_headcount",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "startup_turnover_band",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "syntec_startup_pack",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "website",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "board_meeting_date",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "decided_by_account_id",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "decided_by_name",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "decision_due_on",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "decision_reason",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "erase_after",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "key_hash",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "normalized_organisation_name",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "organisation",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "referent_account_id",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "membership_applications");

            migrationBuilder.DropColumn(
                name: "landline_phone",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "mobile_phone",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "notification_categories",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "photo_image_id",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "workplace_address",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "workplace_city",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "workplace_postal_code",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "workplace_site_name",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "workplace_zone",
                table: "accounts");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "submitted_at",
                table: "membership_applications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_email",
                table: "membership_applications",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "organisation_name",
                table: "membership_applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }
    }
}
