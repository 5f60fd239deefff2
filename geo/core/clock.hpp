#pragma once
// Wall-clock time as written in catalogues and exported provenance.
// Thread-safe (gmtime_r); no failure modes.
#include <string>

namespace geo {

// Current UTC time as ISO 8601 to the second, e.g. "2026-11-26T11:02:31Z".
std::string utc_now_iso8601();

}  // namespace geo
