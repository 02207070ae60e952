using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentSearchBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows written before the search columns existed; new rows get them from the app (NameSearch).
            migrationBuilder.Sql(@"UPDATE residents SET
                search_first = regexp_replace(translate(lower(coalesce(first_name, '')), 'ñáàâäãéèêëíìîïóòôöõúùûü', 'naaaaaeeeeiiiiooooouuuu'), '[^a-z0-9]', '', 'g'),
                search_last = regexp_replace(translate(lower(coalesce(last_name, '')), 'ñáàâäãéèêëíìîïóòôöõúùûü', 'naaaaaeeeeiiiiooooouuuu'), '[^a-z0-9]', '', 'g'),
                search_name = trim(regexp_replace(translate(lower(coalesce(first_name, '')), 'ñáàâäãéèêëíìîïóòôöõúùûü', 'naaaaaeeeeiiiiooooouuuu'), '[^a-z0-9]', '', 'g') || regexp_replace(translate(lower(coalesce(last_name, '')), 'ñáàâäãéèêëíìîïóòôöõúùûü', 'naaaaaeeeeiiiiooooouuuu'), '[^a-z0-9]', '', 'g') || ' ' || regexp_replace(translate(lower(coalesce(last_name, '')), 'ñáàâäãéèêëíìîïóòôöõúùûü', 'naaaaaeeeeiiiiooooouuuu'), '[^a-z0-9]', '', 'g') || regexp_replace(translate(lower(coalesce(first_name, '')), 'ñáàâäãéèêëíìîïóòôöõúùûü', 'naaaaaeeeeiiiiooooouuuu'), '[^a-z0-9]', '', 'g') || ' ' || regexp_replace(translate(lower(coalesce(middle_name, '')), 'ñáàâäãéèêëíìîïóòôöõúùûü', 'naaaaaeeeeiiiiooooouuuu'), '[^a-z0-9]', '', 'g'))
                WHERE search_name = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
