#pragma once
// A destination drawn from an offer: the perimeter (perimeter.hpp, default
// parameters) at `level` of `items` weighted by `audience`, as a Territory to
// benchmark (e.g. a competitor's destination from its own items, selected by
// producer, source or territory). Pure; thread-safe.
// Failures: those of compute_perimeter (e.g. "no offer item with a positive
// weight"), or a perimeter with no polygon at that level; the message names
// the destination.
#include <string>
#include <vector>

#include "geo/analysis/audience.hpp"
#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

// The Territory has level `competitor`, source "perimeter", the given name and
// code, and the WGS 84 perimeter as geometry.
Result<Territory> offer_destination(const std::vector<OfferItem>& items, const Audience& audience, double level,
                                    const std::string& name, const std::string& code);

}  // namespace geo
