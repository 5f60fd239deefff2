#pragma once
// Undo and redo of what the user edits in the map window: the audience and
// its weights (and the preset it came from), the level and smoothing, the
// layers' order, visibility and opacity, the context layers added or
// removed (MapModel::restore_layers), and the selected item. The history
// keeps whole EditStates (they are small: a few dozen weights and layers)
// and is fed once per frame: a state that differs from the last one seen is
// a step. Changes made while a gesture lasts (the mouse button held on a
// slider) join the step the gesture started, so a slider drag is one step.
// Pure model: no ImGui; main thread only.
// Failures: none; undo()/redo() with nothing to restore return nullopt, and past kMaxSteps the oldest
//   step is dropped.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/layers.hpp"
#include "geo/analysis/audience.hpp"

namespace app::gui {

struct EditState {
    std::optional<geo::Audience> audience;
    std::optional<geo::Audience> preset;
    AudienceParams params;
    std::vector<LayerLook> layers;
    std::optional<std::size_t> selected;
    [[nodiscard]] bool operator==(const EditState&) const = default;
};

class UndoHistory {
public:
    static constexpr std::size_t kMaxSteps = 200;

    // The state after this frame; `gesture`: a mouse button is held.
    void observe(const EditState& now, bool gesture);
    // The state to restore (then the current one), or nullopt when there is
    // none. The caller applies it; the next observe() sees it unchanged.
    std::optional<EditState> undo();
    std::optional<EditState> redo();
    // The state actually in place after applying undo()/redo() (a layer the
    // step did not know stays): the current state, without making a step.
    void resync(const EditState& actual) { m_current = actual; }
    // Forgets every step (another catalogue or project): `now` is the start.
    void reset(const EditState& now);

    [[nodiscard]] std::size_t undo_steps() const { return m_undo.size(); }
    [[nodiscard]] std::size_t redo_steps() const { return m_redo.size(); }

private:
    std::optional<EditState> m_current;
    std::vector<EditState> m_undo, m_redo;
    bool m_gesture_step = false;  // the gesture under way already made its step
};

}  // namespace app::gui
