#include "geo/detail/handles.hpp"

#include <unistd.h>

#include <string>

namespace geo::detail {
namespace {
void geos_message_handler(const char* message, void* user) {
    *static_cast<std::string*>(user) = message;
}
void geos_notice_handler(const char*, void*) {}
}  // namespace

GeosContext::GeosContext() : m_handle(GEOS_init_r()), m_last_error(std::make_unique<std::string>()) {
    GEOSContext_setErrorMessageHandler_r(m_handle, geos_message_handler, m_last_error.get());
    GEOSContext_setNoticeMessageHandler_r(m_handle, geos_notice_handler, nullptr);
}

GeosContext::~GeosContext() {
    GEOS_finish_r(m_handle);
}

std::mutex& fftw_planner_mutex() {
    static std::mutex m;
    return m;
}

void UniqueFd::reset(int fd) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = fd;
}

}  // namespace geo::detail
