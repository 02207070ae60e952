using System.Globalization;
using Barangay.Data.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Barangay.App.Localization;

/// <summary>
/// MudBlazor's own texts (pagers, grid menus, pickers, close buttons) from our catalogue. MudBlazor asks this only when
/// the UI culture is not English; each of its keys maps to the English text it shows, which is our catalogue's key, so
/// the Filipino sits in <c>Texts.fil-PH.resx</c> with everything else. A key not listed keeps MudBlazor's English.
/// </summary>
public sealed class CatalogueMudLocalizer : MudLocalizer
{
    /// <summary>MudBlazor's key → the English it shows (the English resource of MudBlazor 9).</summary>
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["MudDataGridPager_RowsPerPage"] = "Rows per page:",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} of {2}",
        ["MudDataGridPager_AllItems"] = "All",
        ["MudDataGridPager_FirstPage"] = "First page",
        ["MudDataGridPager_LastPage"] = "Last page",
        ["MudDataGridPager_NextPage"] = "Next page",
        ["MudDataGridPager_PreviousPage"] = "Previous page",
        ["MudTablePager_FirstPage"] = "First page",
        ["MudTablePager_LastPage"] = "Last page",
        ["MudTablePager_NextPage"] = "Next page",
        ["MudTablePager_PreviousPage"] = "Previous page",
        ["MudPagination_FirstPage"] = "First page",
        ["MudPagination_LastPage"] = "Last page",
        ["MudPagination_NextPage"] = "Next page",
        ["MudPagination_PreviousPage"] = "Previous page",
        ["MudDataGrid_Loading"] = "Loading",
        ["MudTable_Loading"] = "Loading",
        ["MudDataGrid_Sort"] = "Sort",
        ["MudDataGrid_Unsort"] = "Unsort",
        ["MudDataGrid_Filter"] = "Filter",
        ["MudDataGrid_Apply"] = "Apply",
        ["MudDataGrid_Cancel"] = "Cancel",
        ["MudDataGrid_Clear"] = "Clear",
        ["MudDataGrid_Save"] = "Save",
        ["MudDataGrid_Contains"] = "contains",
        ["MudDataGrid_SelectAllRows"] = "Select all rows",
        ["MudDataGrid_SelectRow"] = "Select row",
        ["MudTable_SelectAllRows"] = "Select all rows",
        ["MudTable_SelectRow"] = "Select row",
        ["MudDialog_Close"] = "Close",
        ["MudSnackbar_Close"] = "Close",
        ["MudAlert_Close"] = "Close",
        ["MudChip_Close"] = "Close",
        ["MudInput_Clear"] = "Clear",
        ["MudInput_Increment"] = "Increment",
        ["MudInput_Decrement"] = "Decrement",
        ["MudSelect_SelectAll"] = "Select all",
        ["MudBaseDatePicker_NextMonth"] = "Next month {0}",
        ["MudBaseDatePicker_PrevMonth"] = "Previous month {0}",
        ["MudBaseDatePicker_NextYear"] = "Next year {0}",
        ["MudBaseDatePicker_PrevYear"] = "Previous year {0}",
        ["MudBaseDatePicker_Open"] = "Open",
        ["MudTimePicker_Open"] = "Open",
        ["MudDateRangePicker_Start"] = "Start date",
        ["MudDateRangePicker_End"] = "End date",
        ["MudFileUpload_Button"] = "Browse files",
        ["MudFormComponent_Required"] = "Required",
        ["MudNavGroup_ToggleExpand"] = "Toggle {0}",
        ["MudBreadcrumbs_Label"] = "Breadcrumb",
        // The numbered pagers' buttons (their names, read by screen readers) and the tab bar's scroll buttons.
        ["MudPagination_PageIndex"] = "Page {0}",
        ["MudPagination_CurrentPage"] = "Current page {0}",
        ["MudTabs_ScrollLeft"] = "Scroll tabs left",
        ["MudTabs_ScrollRight"] = "Scroll tabs right",
        ["MudTabs_ScrollUp"] = "Scroll tabs up",
        ["MudTabs_ScrollDown"] = "Scroll tabs down",
        ["MudFileUpload_DragAndDrop"] = "Drag files here or click to browse",
        ["MudFileUpload_FileSizeError"] = "File '{0}' exceeds the maximum allowed size of {1} bytes.",
        ["MudFileUpload_MaximumFileCountExceeded"] = "Selected {0} files, which exceeds the maximum of {1}",
    };

    public override LocalizedString this[string key] => Find(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Find(key, arguments);

    private static LocalizedString Find(string key, object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (!English.TryGetValue(key, out var english) || Texts.Find(english, culture) is null)
            return new LocalizedString(key, key, resourceNotFound: true);
        return new LocalizedString(key, Texts.Format(english, culture, arguments));
    }
}
