#include "geo/analysis/kernel.hpp"

#include <fmt/format.h>

namespace geo {

std::string_view kernel_id(Kernel k) {
    return k == Kernel::quartic ? "quartic" : "gaussian";
}

Result<Kernel> kernel_from_id(std::string_view id) {
    if (id == "quartic") return Kernel::quartic;
    if (id == "gaussian") return Kernel::gaussian;
    return fail_fmt("kernel \"{}\": expected \"quartic\" or \"gaussian\"", id);
}

double kernel_support_m(Kernel k, double bandwidth_m) {
    return k == Kernel::quartic ? bandwidth_m : kGaussianSupportSigmas * bandwidth_m;
}

double equivalent_sigma_m(Kernel k, double bandwidth_m) {
    return k == Kernel::quartic ? bandwidth_m / kQuarticPerGaussian : bandwidth_m;
}

double bandwidth_from_sigma_m(Kernel k, double sigma_m) {
    return k == Kernel::quartic ? sigma_m * kQuarticPerGaussian : sigma_m;
}

}  // namespace geo
