#pragma once
// KML 2.2 writer for offer items (points) and territories (polygons), behind
// geo/io/exporters.hpp. The layout is the one GDAL's LIBKML driver writes and
// reads back (GDAL LIBKML and KML, Google Earth, uMap): a root Document with
// one Schema of the ExportSchema fields, then a Document named after the
// layer holding one Placemark per record: <name> (the record's name),
// <description> (a generated balloon text: family, subtypes, labels,
// commune, producer; territories: level and code), the other fields as
// ExtendedData/SchemaData/SimpleData (lists ";"-joined), the geometry
// (Point; Polygon or MultiGeometry, outer rings counter-clockwise).
//
// Text: every value through append_xml_text (geo/io/text_output.hpp): XML
// entities, no CDATA, so a name holding "]]>", "<" or "&" stays well-formed
// XML; characters XML 1.0 cannot carry (NUL and other C0 controls except TAB,
// LF, CR) become U+FFFD. Coordinates: WGS 84 lon,lat degrees, ≤ 7 decimals.
//
// Written through BufferedOutput: checked writes, fsync, rename. On any
// failure (full disk, file size limit) the destination is left as it was.
// Thread-safety: distinct calls on distinct threads are safe.
// Failure: unwritable file, a record outside WGS 84 (named in the message).
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

// `layer_name` empty: "items" / "territories".
Result<std::int64_t> write_kml_items(const std::string& path, const std::vector<OfferItem>& items,
                                     const std::string& layer_name = {});
Result<std::int64_t> write_kml_territories(const std::string& path, const std::vector<Territory>& territories,
                                           const std::string& layer_name = {});

}  // namespace geo
