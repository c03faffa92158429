// The two questions the window asks about unsaved work: on quit (save, don't save, cancel) and at
// start when an earlier session left a recovery file (recover or discard).
#include <imgui.h>

#include <filesystem>

#include "ui/editing_panels.hpp"

namespace briefmap::ui {

bool drawDocumentPrompts(UiState& state, model::BriefingDocument& doc) {
    EditingUi& ed = state.editing;
    bool close = false;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 centre(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f);
    if (ed.recoveryPrompt && !ImGui::IsPopupOpen("Recover unsaved edits?")) ImGui::OpenPopup("Recover unsaved edits?");
    // Centred every frame at a fixed width: wrapped text in an auto-sized window has no height
    // until it has a width.
    ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(480, 0), ImGuiCond_Always);
    if (ImGui::BeginPopupModal("Recover unsaved edits?", nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::Text("%s", std::filesystem::path(doc.savePath()).filename().c_str());
        ImGui::TextWrapped("%s", ed.recoveryNote.c_str());
        ImGui::TextDisabled("Enter recovers, Esc discards");
        if (ImGui::Button("Recover") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            if (std::optional<model::BriefingDocument::Recovery> r = doc.findRecovery()) {
                Status s = doc.recover(*r);
                ed.message = s ? "recovered the unsaved edits (Ctrl+Z undoes them, Ctrl+S saves)" : s.error().message;
                state.traceAction = s ? "recovered" : "recover_failed";
            }
            ed.recoveryPrompt = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Discard") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            doc.removeRecovery();
            ed.recoveryPrompt = false;
            state.traceAction = "recovery_discarded";
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (ed.quitPrompt && !ImGui::IsPopupOpen("Unsaved changes")) ImGui::OpenPopup("Unsaved changes");
    // Centred every frame at a fixed width: wrapped text in an auto-sized window has no height
    // until it has a width.
    ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(480, 0), ImGuiCond_Always);
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::Text("Save the changes to %s before closing?", std::filesystem::path(doc.savePath()).filename().c_str());
        ImGui::TextDisabled("Enter saves, D doesn't, Esc stays");
        if (!ed.message.empty()) ImGui::TextDisabled("%s", ed.message.c_str());
        if (ImGui::Button("Save") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            Status s = doc.save();
            ed.message = s ? "saved " + doc.savePath() : s.error().message;
            if (s) {
                close = true;
                ed.quitPrompt = false;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Don't save") || ImGui::IsKeyPressed('D')  /* GLFW key codes: 'D' */) {
            doc.removeRecovery();
            close = true;
            ed.quitPrompt = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            ed.quitPrompt = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    return close;
}

}  // namespace briefmap::ui
