#pragma once
// Captures GDAL/OGR (CPLError) messages raised on this thread while an
// instance is alive, instead of letting GDAL print them to stderr.
// Usage: GdalErrorCapture capture; …GDAL calls…; if (capture.has_errors()) …
// Ownership: pushes a thread-local handler in the constructor and pops it in
// the destructor (strict nesting). Thread-safety: one instance per thread.
#include <string>
#include <vector>

namespace geo::detail {

class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    // CE_Failure and CE_Fatal messages, oldest first.
    [[nodiscard]] const std::vector<std::string>& errors() const { return m_errors; }
    // CE_Warning messages, oldest first.
    [[nodiscard]] const std::vector<std::string>& warnings() const { return m_warnings; }
    [[nodiscard]] bool has_errors() const { return !m_errors.empty(); }
    // The errors joined with "; ", or `fallback` when there are none.
    [[nodiscard]] std::string message(const std::string& fallback = "unknown GDAL error") const;

private:
    friend struct GdalErrorSink;
    std::vector<std::string> m_errors;
    std::vector<std::string> m_warnings;
};

}  // namespace geo::detail
