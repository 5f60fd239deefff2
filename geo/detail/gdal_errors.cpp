#include "geo/detail/gdal_errors.hpp"

#include <cpl_error.h>

namespace geo::detail {

struct GdalErrorSink {
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum /*number*/, const char* message) {
        auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
        if (self == nullptr || message == nullptr) return;
        if (level == CE_Failure || level == CE_Fatal)
            self->m_errors.emplace_back(message);
        else if (level == CE_Warning)
            self->m_warnings.emplace_back(message);
    }
};

GdalErrorCapture::GdalErrorCapture() {
    CPLPushErrorHandlerEx(&GdalErrorSink::handle, this);
}

GdalErrorCapture::~GdalErrorCapture() {
    CPLPopErrorHandler();
}

std::string GdalErrorCapture::message(const std::string& fallback) const {
    if (m_errors.empty()) return fallback;
    std::string out;
    for (const auto& e : m_errors) {
        if (!out.empty()) out += "; ";
        out += e;
    }
    return out;
}

}  // namespace geo::detail
