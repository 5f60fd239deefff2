#include "geo/io/recent_projects.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geo/core/data_dir.hpp"
#include "geo/core/json_text.hpp"
#include "geo/io/atomic_file.hpp"

namespace geo {
namespace fs = std::filesystem;

std::string user_config_dir() {
    return user_dir("XDG_CONFIG_HOME", ".config");
}

std::string recent_projects_path() {
    return (fs::path(user_config_dir()) / "recent_projects.json").string();
}

std::vector<std::string> read_recent_projects() {
    std::vector<std::string> out;
    std::ifstream in(recent_projects_path(), std::ios::binary);
    if (!in) return out;
    std::ostringstream os;
    os << in.rdbuf();
    auto parsed = parse_json(os.str(), recent_projects_path());
    if (!parsed || !parsed->is_object() || !(*parsed)["recent_projects"].is_array()) return out;
    for (const auto& p : (*parsed)["recent_projects"])
        if (p.is_string() && !p.get<std::string>().empty() && out.size() < kMaxRecentProjects &&
            std::find(out.begin(), out.end(), p.get<std::string>()) == out.end())
            out.push_back(p.get<std::string>());
    return out;
}

Result<void> add_recent_project(const std::string& path) {
    std::error_code ec;
    const std::string absolute = fs::absolute(path, ec).lexically_normal().string();
    std::vector<std::string> list = read_recent_projects();
    list.erase(std::remove(list.begin(), list.end(), absolute), list.end());
    list.insert(list.begin(), absolute);
    if (list.size() > kMaxRecentProjects) list.resize(kMaxRecentProjects);
    const fs::path file = recent_projects_path();
    fs::create_directories(file.parent_path(), ec);
    if (ec) return fail_fmt("{}: cannot create the folder: {}", file.parent_path().string(), ec.message());
    auto out = AtomicFile::prepare(file.string());
    if (!out) return tl::unexpected(out.error());
    {
        std::ofstream stream(out->temp_path(), std::ios::binary | std::ios::trunc);
        stream << nlohmann::json{{"recent_projects", list}}.dump(2) << '\n';
        stream.flush();
        if (!stream) return fail_fmt("{}: cannot write the list of recent projects", file.string());
    }
    return out->commit();
}

}  // namespace geo
