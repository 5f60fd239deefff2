#include "geo/io/gdal_fields.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "geo/core/json_text.hpp"
#include "geo/io/text_encoding.hpp"

namespace geo::gdal {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool set(const OGRFeature& feature, int index) {
    return index >= 0 && feature.IsFieldSetAndNotNull(index);
}

void split_into(std::string_view text, char sep, std::vector<std::string>& out) {
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(sep, start);
        if (end == std::string_view::npos) end = text.size();
        const auto part = trim(text.substr(start, end - start));
        if (!part.empty()) out.emplace_back(part);
        start = end + 1;
    }
}

}  // namespace

std::string FieldReader::utf8(const OGRFeature& feature, const char* raw) {
    bool recoded = false;
    std::string out = to_utf8(trim(raw != nullptr ? raw : ""), recoded);
    if (recoded) {
        if (m_recoded++ == 0) m_first_recoded_fid = feature.GetFID();
    }
    return out;
}

std::string FieldReader::text(const OGRFeature& feature, int index) {
    if (!set(feature, index)) return {};
    return utf8(feature, feature.GetFieldAsString(index));
}

std::vector<std::string> FieldReader::list(const OGRFeature& feature, int index) {
    std::vector<std::string> out;
    if (!set(feature, index)) return out;
    int n = 0;
    switch (feature.GetFieldDefnRef(index)->GetType()) {
        case OFTStringList: {
            for (char** p = feature.GetFieldAsStringList(index); p != nullptr && *p != nullptr; ++p) {
                std::string value = utf8(feature, *p);
                if (!value.empty()) out.push_back(std::move(value));
            }
            return out;
        }
        case OFTIntegerList: {
            const int* values = feature.GetFieldAsIntegerList(index, &n);
            for (int i = 0; i < n; ++i) out.push_back(std::to_string(values[i]));
            return out;
        }
        case OFTInteger64List: {
            const GIntBig* values = feature.GetFieldAsInteger64List(index, &n);
            for (int i = 0; i < n; ++i) out.push_back(std::to_string(values[i]));
            return out;
        }
        case OFTRealList: {
            const double* values = feature.GetFieldAsDoubleList(index, &n);
            for (int i = 0; i < n; ++i) out.push_back(nlohmann::json(values[i]).dump());
            return out;
        }
        default:
            break;
    }
    const std::string value = text(feature, index);
    if (value.starts_with('[') && json_depth(value) <= kMaxJsonDepth) {
        const auto parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_array()) {
            for (const auto& element : parsed) {
                std::string s = element.is_string() ? element.get<std::string>() : json_excerpt(element, 256);
                if (!s.empty()) out.push_back(std::move(s));
            }
            return out;
        }
    }
    split_into(value, value.find(';') != std::string::npos ? ';' : '|', out);
    return out;
}

nlohmann::json FieldReader::json(const OGRFeature& feature, int index) {
    if (!set(feature, index)) return nullptr;
    const OGRFieldDefn& defn = *feature.GetFieldDefnRef(index);
    switch (defn.GetType()) {
        case OFTInteger:
            if (defn.GetSubType() == OFSTBoolean) return feature.GetFieldAsInteger(index) != 0;
            return feature.GetFieldAsInteger(index);
        case OFTInteger64:
            return static_cast<std::int64_t>(feature.GetFieldAsInteger64(index));
        case OFTReal: {
            const double v = feature.GetFieldAsDouble(index);
            return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
        }
        case OFTIntegerList:
        case OFTInteger64List:
        case OFTRealList: {
            nlohmann::json array = nlohmann::json::array();
            for (const auto& v : list(feature, index)) array.push_back(nlohmann::json::parse(v));
            return array;
        }
        case OFTStringList:
            return list(feature, index);
        default:
            break;
    }
    std::string value = text(feature, index);
    if (defn.GetSubType() == OFSTJSON && json_depth(value) <= kMaxJsonDepth) {
        auto parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_discarded()) return parsed;
    }
    return value;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    std::string buffer(text);
    if (buffer.find('.') == std::string::npos) {
        const auto comma = buffer.find(',');
        if (comma != std::string::npos && buffer.find(',', comma + 1) == std::string::npos) buffer[comma] = '.';
    }
    if (buffer.starts_with('+')) buffer.erase(0, 1);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec != std::errc{} || end != buffer.data() + buffer.size()) return std::nullopt;
    return value;
}

}  // namespace geo::gdal
