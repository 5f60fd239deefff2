#include "geo/io/datatourisme_object.hpp"
#include "geo/core/json_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>

#include <fmt/format.h>
#include <simdjson.h>
#include <nlohmann/json.hpp>

namespace geo::detail {
namespace {

using nlohmann::json;

// --- no-throw accessors: JSON-LD gives arrays, but single values occur too ---
const json* member(const json* obj, const char* key) {
    if (obj == nullptr || !obj->is_object()) return nullptr;
    auto it = obj->find(key);
    return it == obj->end() ? nullptr : &*it;
}

const json* first(const json* v) {
    if (v == nullptr) return nullptr;
    if (v->is_array()) return v->empty() ? nullptr : &(*v)[0];
    return v;
}

// Calls f on each element of an array, or on a single value.
template <class F>
void each(const json* v, F&& f) {
    if (v == nullptr) return;
    if (v->is_array()) {
        for (const auto& e : *v) f(e);
    } else {
        f(*v);
    }
}

const std::string* string_of(const json* v) {
    v = first(v);
    return v != nullptr && v->is_string() ? &v->get_ref<const std::string&>() : nullptr;
}

// A short rendering of a bad value for messages.
std::string show(const json& v) {
    return json_excerpt(v, 60);
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
    return std::string(s);
}

// --- parse errors ----------------------------------------------------------
// Offset of the first byte that breaks UTF-8, or npos.
size_t first_invalid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || (len == 2 && c < 0xC2) || i + len > s.size()) return i;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

struct LineColumn {
    size_t line = 1, column = 1;
};

LineColumn line_column(std::string_view bytes, size_t offset) {
    offset = std::min(offset, bytes.size());
    size_t line =
        1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    size_t line_start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
    size_t column = line_start == std::string_view::npos || offset == 0 ? offset + 1 : offset - line_start;
    return {line, column};
}

Error describe_parse_error(const json::parse_error& e, std::string_view bytes) {
    if (size_t bad = first_invalid_utf8(bytes); bad != std::string_view::npos) {
        const LineColumn at = line_column(bytes, bad);
        return error_fmt("not valid UTF-8: byte 0x{:02X} at line {}, column {}", static_cast<unsigned char>(bytes[bad]),
                         at.line, at.column);
    }
    // nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 5: <detail>"
    std::string what = e.what();
    std::string detail = what;
    if (auto col = what.find("column "); col != std::string::npos)
        if (auto colon = what.find(": ", col); colon != std::string::npos) detail = what.substr(colon + 2);
    size_t at = e.byte == 0 ? 0 : e.byte - 1;
    if (at >= bytes.size()) return error_fmt("malformed JSON: truncated at byte {} ({})", bytes.size(), detail);
    const LineColumn where = line_column(bytes, at);
    return error_fmt("malformed JSON at line {}, column {}: {}", where.line, where.column, detail);
}

// --- fields ----------------------------------------------------------------
struct Coordinate {
    double value = 0;
    std::string text;  // as written: "\"147.61\"" or 147.61
    std::optional<Error> error;
};

Coordinate coordinate(const json* v, const char* name, double limit) {
    Coordinate c;
    if (v != nullptr && v->is_array() && v->empty()) {
        c.error = error_fmt("{} is [], expected a number or a numeric string", name);
        return c;
    }
    v = first(v);
    if (v == nullptr || v->is_null()) {
        c.error = error_fmt("missing {}", name);
        return c;
    }
    if (v->is_number()) {
        c.value = v->get<double>();
        c.text = show(*v);
    } else if (v->is_string()) {
        std::string s = trim(v->get_ref<const std::string&>());
        c.text = "\"" + v->get<std::string>() + "\"";
        if (s.find('.') == std::string::npos) std::replace(s.begin(), s.end(), ',', '.');  // "47,61"
        const char* end = s.data() + s.size();
        auto [ptr, ec] = std::from_chars(s.data(), end, c.value);
        if (s.empty() || ec != std::errc() || ptr != end) {
            c.error = error_fmt("{} {} is not a number", name, c.text);
            return c;
        }
    } else {
        c.error = error_fmt("{} is {}, expected a number or a numeric string", name, show(*v));
        return c;
    }
    if (!std::isfinite(c.value)) {
        c.error = error_fmt("{} {} is not a finite number", name, c.text);
    } else if (c.value < -limit || c.value > limit) {
        c.error = error_fmt("{} {} outside [-{}, {}]", name, c.text, limit, limit);
    }
    return c;
}

// Metropolitan France and Corsica, generously.
bool in_france(double lat, double lon) {
    return lat > 41.0 && lat < 51.5 && lon > -5.5 && lon < 10.0;
}

std::optional<std::pair<int, int>> year_month(std::string_view date) {
    int y = 0, m = 0;
    if (date.size() < 7 || date[4] != '-') return std::nullopt;
    auto r1 = std::from_chars(date.data(), date.data() + 4, y);
    auto r2 = std::from_chars(date.data() + 5, date.data() + 7, m);
    if (r1.ec != std::errc() || r1.ptr != date.data() + 4 || r2.ec != std::errc() || r2.ptr != date.data() + 7 ||
        m < 1 || m > 12)
        return std::nullopt;
    return std::pair{y, m};
}

// Adds the months of a from/through pair to `mask`; a warning on bad dates.
void add_months(const json* from, const json* through, MonthMask& mask, std::vector<Error>& warnings,
                const char* what) {
    const std::string* f = string_of(from);
    const std::string* t = string_of(through);
    if (f == nullptr || t == nullptr) {
        mask = kAllMonths;  // open-ended: no seasonal limit given
        return;
    }
    if (auto m = month_range(*f, *t)) {
        mask |= *m;
    } else {
        warnings.push_back(error_fmt("{}: unusable dates \"{}\" … \"{}\"; months ignored", what, *f, *t));
    }
}

MonthMask opening_months(const json& doc, const json* place, std::vector<Error>& warnings) {
    MonthMask mask = 0;
    bool any = false;
    each(member(place, "schema:openingHoursSpecification"), [&](const json& spec) {
        if (!spec.is_object()) return;
        any = true;
        add_months(member(&spec, "schema:validFrom"), member(&spec, "schema:validThrough"), mask, warnings,
                   "openingHoursSpecification");
    });
    if (any) return mask;
    // Events: their periods, else their overall start and end dates.
    each(member(&doc, "takesPlaceAt"), [&](const json& period) {
        if (!period.is_object() || member(&period, "startDate") == nullptr) return;
        any = true;
        add_months(member(&period, "startDate"), member(&period, "endDate"), mask, warnings, "takesPlaceAt");
    });
    if (!any && member(&doc, "schema:startDate") != nullptr)
        add_months(member(&doc, "schema:startDate"), member(&doc, "schema:endDate"), mask, warnings,
                   "schema:startDate");
    return mask;  // 0: unknown, treated as open all year
}

void push_unique(std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// --- the object --------------------------------------------------------------
// Returns the skip reason, or "" when `out.item` was filled.
// The lowest schema:minPrice of the offers' price specifications, in euros;
// a price in another currency, or one that is not a number >= 0, is left out
// with a warning. nullopt when none is left.
std::optional<double> min_price_eur(const json& doc, std::vector<Error>& warnings) {
    std::optional<double> best;
    each(member(&doc, "offers"), [&](const json& offer) {
        each(member(&offer, "schema:priceSpecification"), [&](const json& spec) {
            const std::string* currency = string_of(member(&spec, "schema:priceCurrency"));
            each(member(&spec, "schema:minPrice"), [&](const json& v) {
                const Coordinate price = coordinate(&v, "schema:minPrice", 1e7);
                if (price.error || price.value < 0.0) {
                    warnings.push_back(price.error ? price.error->with_note_fmt("ignored")
                                                   : error_fmt("schema:minPrice {} is negative; ignored", price.text));
                } else if (currency != nullptr && trim(*currency) != "EUR") {
                    warnings.push_back(error_fmt("schema:minPrice {} in {}, not EUR; ignored", price.text, *currency));
                } else if (!best || price.value < *best) {
                    best = price.value;
                }
            });
        });
    });
    return best;
}

std::optional<Error> parse_fields(const json& doc, const Taxonomy& taxonomy, ParsedObject& out) {
    if (!doc.is_object()) return error_fmt("expected a JSON object, found {}", doc.type_name());
    OfferItem item;
    item.source = "datatourisme";

    // Identity.
    const json* id = member(&doc, "@id");
    const std::string* ident = string_of(member(&doc, "dc:identifier"));
    if (id != nullptr && id->is_string() && !trim(id->get_ref<const std::string&>()).empty()) {
        item.source_id = trim(id->get_ref<const std::string&>());
    } else if (ident != nullptr && !trim(*ident).empty()) {
        item.source_id = trim(*ident);
    } else if (id != nullptr) {
        return error_fmt("@id is {}, expected a URI string (and no dc:identifier)", show(*id));
    } else {
        return error_fmt("missing @id and dc:identifier");
    }

    // Name: French first, then English, then any language.
    const json* label = member(&doc, "rdfs:label");
    if (label == nullptr) return error_fmt("missing rdfs:label (name)");
    if (label->is_string()) {
        item.name = trim(label->get_ref<const std::string&>());
    } else if (!label->is_object()) {
        return error_fmt("rdfs:label is {}, expected an object of languages", show(*label));
    } else {
        std::vector<std::string> langs{"fr", "en"};
        for (const auto& [lang, _] : label->items())
            if (lang != "fr" && lang != "en") langs.push_back(lang);
        for (const auto& lang : langs) {
            const json* v = first(member(label, lang.c_str()));
            if (v == nullptr) continue;
            if (!v->is_string()) return error_fmt("rdfs:label.{}[0] is {}, expected a string", lang, show(*v));
            item.name = trim(v->get_ref<const std::string&>());
            if (!item.name.empty()) break;
        }
    }
    if (item.name.empty()) return error_fmt("empty rdfs:label (no name in any language)");

    // Classes and themes → family and subtypes.
    const json* type = member(&doc, "@type");
    if (type == nullptr) return error_fmt("missing @type");
    std::vector<std::string> types;
    if (type->is_string()) {
        types.push_back(type->get<std::string>());
    } else if (type->is_array()) {
        for (size_t i = 0; i < type->size(); ++i) {
            if (!(*type)[i].is_string())
                return error_fmt("@type[{}] is {}, expected a class name", i, show((*type)[i]));
            types.push_back((*type)[i].get<std::string>());
        }
    } else {
        return error_fmt("@type is {}, expected an array of class names", show(*type));
    }
    if (types.empty()) return error_fmt("@type is empty");
    each(member(&doc, "hasTheme"), [&](const json& theme) {
        const std::string* t =
            theme.is_string() ? &theme.get_ref<const std::string&>() : string_of(member(&theme, "@id"));
        if (t == nullptr) return;
        push_unique(item.themes, *t);
        // The theme's names, for the interface (a bad or missing label is no
        // reason to skip the object: the id is shown instead).
        const json* names = member(&theme, "rdfs:label");
        auto name_in = [&](const char* lang) {
            const std::string* n = string_of(member(names, lang));
            return n != nullptr ? trim(*n) : std::string();
        };
        ThemeName tn{*t, name_in("fr"), name_in("en")};
        if (!tn.name_fr.empty() || !tn.name_en.empty()) out.theme_names.push_back(std::move(tn));
    });
    for (const auto& t : types)
        if (!taxonomy.is_known_datatourisme_type(t)) push_unique(out.unknown_types, t);
    auto cls = taxonomy.classify_datatourisme(types, item.themes);
    if (!cls) return error_fmt("unknown types {}", json_excerpt(json(out.unknown_types), 200));
    item.family = cls->family;
    item.subtypes.push_back(cls->subtype);
    for (auto& s : taxonomy.datatourisme_subtypes(types, cls->family)) push_unique(item.subtypes, s);

    // Position: the first place with schema:geo.
    const json* place = nullptr;
    const json* geo = nullptr;
    each(member(&doc, "isLocatedAt"), [&](const json& p) {
        if (geo == nullptr && (geo = first(member(&p, "schema:geo"))) != nullptr) place = &p;
    });
    if (geo == nullptr) return error_fmt("missing isLocatedAt[].schema:geo (no position)");
    if (!geo->is_object()) return error_fmt("schema:geo is {}, expected an object", show(*geo));
    Coordinate lat = coordinate(member(geo, "schema:latitude"), "latitude", 90);
    Coordinate lon = coordinate(member(geo, "schema:longitude"), "longitude", 180);
    if (lat.error && lat.error->message.find("outside") == std::string::npos) return lat.error;
    if (lon.error) return lon.error;
    if (!in_france(lat.value, lon.value) && in_france(lon.value, lat.value)) {
        out.warnings.push_back(
            error_fmt("latitude {} and longitude {} look swapped; swapped back", lat.text, lon.text));
        std::swap(lat.value, lon.value);
    } else if (lat.error) {
        return lat.error;
    }
    if (lat.value == 0.0 && lon.value == 0.0) return error_fmt("latitude and longitude are both 0 (no position)");
    item.position = LonLat{lon.value, lat.value};

    // Address.
    const json* address = first(member(place, "schema:address"));
    if (const std::string* insee = string_of(member(first(member(address, "hasAddressCity")), "insee")))
        item.commune_insee = trim(*insee);

    // Labels and star ratings.
    json extra = json::object();
    each(member(&doc, "hasReview"), [&](const json& review) {
        const std::string* rid = string_of(member(first(member(&review, "hasReviewValue")), "@id"));
        if (rid == nullptr) return;
        if (auto label_id = taxonomy.label_from_datatourisme(*rid)) {
            push_unique(item.labels, *label_id);
        } else if (rid->find("LabelRating") != std::string::npos) {
            push_unique(out.unknown_labels, *rid);
        } else if (auto pos = rid->find("ScaleRating_"); pos != std::string::npos) {
            std::string_view rating = std::string_view(*rid).substr(pos + 12);  // "3etoiles"
            int stars = 0;
            auto [ptr, ec] = std::from_chars(rating.data(), rating.data() + rating.size(), stars);
            if (ec == std::errc() && std::string_view(ptr).rfind("etoile", 0) == 0) extra["stars"] = stars;
        }
    });

    item.opening_months = opening_months(doc, place, out.warnings);
    if (const std::string* producer = string_of(member(first(member(&doc, "hasBeenCreatedBy")), "schema:legalName")))
        item.producer = trim(*producer);
    item.min_price_eur = min_price_eur(doc, out.warnings);

    // A few further properties for popups and exports.
    if (id != nullptr && id->is_string()) extra["uri"] = *id;
    if (ident != nullptr) extra["identifier"] = *ident;
    if (const std::string* v = string_of(member(address, "schema:postalCode"))) extra["postal_code"] = *v;
    if (const std::string* v = string_of(member(address, "schema:addressLocality"))) extra["locality"] = *v;
    const std::string* website = string_of(member(&doc, "schema:url"));
    each(member(&doc, "hasContact"), [&](const json& contact) {
        if (website == nullptr) website = string_of(member(&contact, "foaf:homepage"));
    });
    if (website != nullptr) extra["website"] = *website;
    if (const std::string* v = string_of(member(&doc, "lastUpdate"))) extra["last_update"] = *v;
    if (const std::string* v = string_of(member(first(member(&doc, "hasBeenPublishedBy")), "schema:legalName")))
        extra["publisher"] = *v;
    if (const std::string* v = string_of(member(&doc, "schema:startDate"))) extra["start_date"] = *v;
    if (const std::string* v = string_of(member(&doc, "schema:endDate"))) extra["end_date"] = *v;
    extra["types"] = types;
    item.extra_json = extra.dump(-1, ' ', false, json::error_handler_t::replace);

    out.item = std::move(item);
    return {};
}

// The top-level members parse_fields reads.
bool kept_member(const std::string& key) {
    static constexpr std::string_view kKept[] = {"@id",
                                                 "@type",
                                                 "dc:identifier",
                                                 "rdfs:label",
                                                 "schema:startDate",
                                                 "schema:endDate",
                                                 "takesPlaceAt",
                                                 "schema:url",
                                                 "offers",
                                                 "lastUpdate",
                                                 "isLocatedAt",
                                                 "hasTheme",
                                                 "hasReview",
                                                 "hasContact",
                                                 "hasBeenPublishedBy",
                                                 "hasBeenCreatedBy"};
    return std::find(std::begin(kKept), std::end(kKept), key) != std::end(kKept);
}

}  // namespace

std::optional<MonthMask> month_range(std::string_view from, std::string_view through) {
    auto a = year_month(from);
    auto b = year_month(through);
    if (!a || !b) return std::nullopt;
    int span = (b->first - a->first) * 12 + (b->second - a->second);
    if (span < 0) return std::nullopt;
    if (span >= 11) return kAllMonths;
    MonthMask mask = 0;
    for (int k = 0; k <= span; ++k) mask |= static_cast<MonthMask>(1U << ((a->second - 1 + k) % 12));
    return mask;
}

// simdjson's value as nlohmann's parser would have built it (a non-negative
// integer is unsigned there). Recursion is bounded by the parser's depth.
json to_json(simdjson::dom::element e) {
    switch (e.type()) {
        case simdjson::dom::element_type::ARRAY: {
            json a = json::array();
            const simdjson::dom::array values = e.get_array().value_unsafe();
            for (simdjson::dom::element x : values) a.push_back(to_json(x));
            return a;
        }
        case simdjson::dom::element_type::OBJECT: {
            json o = json::object();
            const simdjson::dom::object members = e.get_object().value_unsafe();
            for (simdjson::dom::key_value_pair kv : members) o[std::string(kv.key)] = to_json(kv.value);
            return o;
        }
        case simdjson::dom::element_type::INT64: {
            const std::int64_t v = e.get_int64().value_unsafe();
            return v >= 0 ? json(static_cast<std::uint64_t>(v)) : json(v);
        }
        case simdjson::dom::element_type::UINT64:
            return json(e.get_uint64().value_unsafe());
        case simdjson::dom::element_type::DOUBLE:
            return json(e.get_double().value_unsafe());
        case simdjson::dom::element_type::STRING:
            return json(std::string(e.get_string().value_unsafe()));
        case simdjson::dom::element_type::BOOL:
            return json(e.get_bool().value_unsafe());
        case simdjson::dom::element_type::NULL_VALUE:
            break;
    }
    return json(nullptr);
}

// The fast path: simdjson (gigabytes per second) parses the object and only
// the members parse_fields reads become nlohmann values. nullopt whenever
// simdjson refuses the text or the root is not an object: the slow path
// then parses it again and words the reason exactly as before.
std::optional<json> parse_kept_members(std::string_view bytes) {
    // One parser per thread (a parser is not thread-safe; it keeps its buffers).
    // Its depth limit is below kMaxJsonDepth, so that anything json_depth
    // would refuse goes to the slow path.
    thread_local simdjson::dom::parser parser(simdjson::SIMDJSON_MAXSIZE_BYTES);
    thread_local bool sized = parser.allocate(64 * 1024, kMaxJsonDepth - 1) == simdjson::SUCCESS;
    if (!sized) return std::nullopt;
    simdjson::dom::element root;
    if (parser.parse(bytes.data(), bytes.size(), true).get(root) != simdjson::SUCCESS) return std::nullopt;
    simdjson::dom::object object;
    if (root.get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
    json doc = json::object();
    for (simdjson::dom::key_value_pair kv : object) {
        const std::string key(kv.key);
        if (kept_member(key)) doc[key] = to_json(kv.value);
    }
    return doc;
}

ParsedObject parse_datatourisme_object(std::string_view bytes, const Taxonomy& taxonomy) {
    ParsedObject out;
    try {
        if (auto fast = parse_kept_members(bytes)) {
            out.skip_reason = parse_fields(*fast, taxonomy, out);
            return out;
        }
        json doc;
        if (json_depth(bytes) > kMaxJsonDepth) {
            out.skip_reason = error_fmt("nesting deeper than {} levels", kMaxJsonDepth);
            return out;
        }
        try {
            // Only the members the fields below read are kept: the others
            // (pictures, descriptions in six languages, features: half of
            // an object's bytes) are checked for syntax, never built.
            doc = json::parse(bytes, [](int depth, json::parse_event_t event, json& parsed) {
                return depth != 1 || event != json::parse_event_t::key ||
                       kept_member(parsed.get_ref<const std::string&>());
            });
        } catch (const json::parse_error& e) {
            out.skip_reason = describe_parse_error(e, bytes);
            return out;
        } catch (const json::out_of_range& e) {  // 406: a number beyond a double, "1e999"
            std::string what = e.what();
            if (const auto at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);
            out.skip_reason = error_fmt("not valid JSON: {}", text_excerpt(what));
            return out;
        }
        out.skip_reason = parse_fields(doc, taxonomy, out);
    } catch (const std::exception& e) {  // e.g. bad_alloc: still a record-level failure
        out.item.reset();
        out.skip_reason = error_fmt("unexpected error: {}", e.what());
    }
    return out;
}

}  // namespace geo::detail
