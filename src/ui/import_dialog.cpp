// The import dialog: a data file's first rows, which column is which (as recognised, changeable per
// role), the date formats found, then Import. Like QGIS's delimited-text dialog, minus the guesswork
// it leaves to the user.
#include <imgui.h>

#include <array>

#include "ui/panels.hpp"
#include "ui/panel_theme.hpp"

namespace briefmap::ui {

namespace {

constexpr std::array<model::ColumnRole, 12> kRolesShown = {
    model::ColumnRole::Lat,     model::ColumnRole::Lon,     model::ColumnRole::Time,   model::ColumnRole::End,
    model::ColumnRole::Place,   model::ColumnRole::Kind,    model::ColumnRole::Quantity, model::ColumnRole::Text,
    model::ColumnRole::FromLat, model::ColumnRole::FromLon, model::ColumnRole::ToLat,  model::ColumnRole::ToLon};

model::ColumnMapping mappingOf(const ImportDialog& d) {
    model::ColumnMapping mapping;
    for (size_t r = 0; r < kRolesShown.size() && r < d.choice.size(); ++r)
        if (d.choice[r] >= 0 && static_cast<size_t>(d.choice[r]) < d.preview.columns.size())
            mapping.emplace_back(kRolesShown[r], d.preview.columns[static_cast<size_t>(d.choice[r])]);
    return mapping;
}

}  // namespace

void openImportDialog(UiState& state, const std::string& path) {
    ImportDialog& d = state.importDialog;
    d = {};
    d.open = true;
    d.path = path;
    d.preview = model::previewTable(path, {});
    d.choice.assign(kRolesShown.size(), -2);
}

void drawImportDialog(UiState& state) {
    ImportDialog& d = state.importDialog;
    if (!d.open) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(980.0f, io.DisplaySize.x - 40), std::min(560.0f, io.DisplaySize.y - 40)), ImGuiCond_Appearing);
    if (!ImGui::Begin("Import data", &d.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    state.panelRects.push_back({ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                ImGui::GetWindowPos().y + ImGui::GetWindowSize().y});
    ImGui::TextWrapped("%s", d.path.c_str());
    if (!d.preview.driver.empty())
        ImGui::TextDisabled("%s%s%s, %zu columns", d.preview.driver.c_str(), d.preview.layer.empty() ? "" : " layer ",
                            d.preview.layer.c_str(), d.preview.columns.size());
    ImGui::PushStyleColor(ImGuiCol_Text, d.preview.readable ? panelColors(state.style.theme).good : panelColors(state.style.theme).error);
    ImGui::TextWrapped("%s", d.preview.plan.c_str());
    ImGui::PopStyleColor();
    if (!d.error.empty()) ImGui::TextColored(panelColors(state.style.theme).error, "%s", d.error.c_str());

    bool changed = false;
    if (!d.preview.columns.empty() && ImGui::BeginTable("##roles", 4, ImGuiTableFlags_SizingStretchSame)) {
        for (size_t r = 0; r < kRolesShown.size(); ++r) {
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(r));
            const std::string_view role = model::columnRoleName(kRolesShown[r]);
            const int c = d.choice[r];
            const auto roleIndex = static_cast<size_t>(kRolesShown[r]);
            const int recognised = roleIndex < d.preview.roleColumn.size() ? d.preview.roleColumn[roleIndex] : -1;
            const std::string current = c >= 0 ? d.preview.columns[static_cast<size_t>(c)]
                                        : recognised >= 0 ? d.preview.columns[static_cast<size_t>(recognised)] + "  (recognised)"
                                                          : "—";
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(role.data(), role.data() + role.size());
            ImGui::SameLine(72);
            ImGui::SetNextItemWidth(-1);
            if (ImGui::BeginCombo("##column", current.c_str())) {
                if (ImGui::Selectable("(recognised)", c == -2)) d.choice[r] = -2, changed = true;
                for (size_t k = 0; k < d.preview.columns.size(); ++k)
                    if (ImGui::Selectable(d.preview.columns[k].c_str(), c == static_cast<int>(k))) d.choice[r] = static_cast<int>(k), changed = true;
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (changed) {
        const std::vector<int> choice = d.choice;
        const std::string path = d.path;
        d.preview = model::previewTable(path, mappingOf(d));
        d.choice = choice;
    }

    const float tableHeight = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() - 6;
    const int columns = static_cast<int>(std::min<size_t>(d.preview.columns.size(), 60));
    if (columns > 0 && ImGui::BeginTable("##rows", columns,
                                         ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                             ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit,
                                         ImVec2(0, tableHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(d.preview.columns[static_cast<size_t>(c)].c_str());
        ImGui::TableHeadersRow();
        for (const auto& row : d.preview.rows) {
            ImGui::TableNextRow();
            for (int c = 0; c < columns && static_cast<size_t>(c) < row.size(); ++c) {
                ImGui::TableNextColumn();
                const std::string& cell = row[static_cast<size_t>(c)];
                ImGui::TextUnformatted(cell.size() > 60 ? (cell.substr(0, 57) + "…").c_str() : cell.c_str());
            }
        }
        ImGui::EndTable();
    }
    // Enter imports, Escape closes, as in any dialog (keys reach it while it has focus).
    const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive();
    const bool enter = focused && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (focused && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) d.open = false;
    ImGui::BeginDisabled(!d.preview.readable);
    if (ImGui::Button("Import (Enter)") || (enter && d.preview.readable)) {
        d.mapping = mappingOf(d);
        d.requested = true;
        d.error.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel (Esc)")) d.open = false;
    ImGui::End();
}

}  // namespace briefmap::ui
