#include "app/gui/state_file.hpp"

#include <cstdio>
#include <fstream>

namespace app::gui {

void StateFile::update(const nlohmann::json& state, long frame) {
    std::string text = state.dump();
    if (text == m_last) return;
    m_last = std::move(text);
    nlohmann::json out = state;
    out["frame"] = frame;
    const std::string temporary = m_path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::trunc);
        file << out.dump() << '\n';
        if (!file) return;
    }
    std::rename(temporary.c_str(), m_path.c_str());
}

}  // namespace app::gui
