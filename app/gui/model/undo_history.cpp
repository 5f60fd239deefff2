#include "app/gui/model/undo_history.hpp"

namespace app::gui {

void UndoHistory::observe(const EditState& now, bool gesture) {
    if (!m_current) {
        m_current = now;
        return;
    }
    if (now == *m_current) {
        if (!gesture) m_gesture_step = false;
        return;
    }
    if (!(gesture && m_gesture_step)) {
        m_undo.push_back(std::move(*m_current));
        if (m_undo.size() > kMaxSteps) m_undo.erase(m_undo.begin());
        m_redo.clear();
    }
    m_gesture_step = gesture;
    m_current = now;
}

std::optional<EditState> UndoHistory::undo() {
    if (m_undo.empty() || !m_current) return std::nullopt;
    m_redo.push_back(std::move(*m_current));
    m_current = std::move(m_undo.back());
    m_undo.pop_back();
    m_gesture_step = false;
    return m_current;
}

std::optional<EditState> UndoHistory::redo() {
    if (m_redo.empty() || !m_current) return std::nullopt;
    m_undo.push_back(std::move(*m_current));
    m_current = std::move(m_redo.back());
    m_redo.pop_back();
    m_gesture_step = false;
    return m_current;
}

void UndoHistory::reset(const EditState& now) {
    m_undo.clear();
    m_redo.clear();
    m_current = now;
    m_gesture_step = false;
}

}  // namespace app::gui
