using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Notifications.Migrations
{
    /// <inheritdoc />
    public partial class NewsDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "headers",
                table: "email_deliveries",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "digest_unsubscriptions",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unsubscribed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digest_unsubscriptions", x => x.account_id);
                });

            migrationBuilder.CreateTable(
                name: "news_digest_recipients",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_digest_recipients", x => new { x.account_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "news_digests",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cut_off = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    previous_cut_off = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recipient_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_digests", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "news_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_items", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_news_digest_recipients_day",
                table: "news_digest_recipients",
                column: "day");

            migrationBuilder.CreateIndex(
                name: "IX_news_items_published_at",
                table: "news_items",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digest_unsubscriptions");

            migrationBuilder.DropTable(
                name: "news_digest_recipients");

            migrationBuilder.DropTable(
                name: "news_digests");

            migrationBuilder.DropTable(
                name: "news_items");

            migrationBuilder.DropColumn(
                name: "headers",
                table: "email_deliveries");
        }
    }
}
