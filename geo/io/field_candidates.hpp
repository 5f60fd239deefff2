#pragma once
// The field names the GDAL importers look for when no field is named in the
// options (compared ignoring case; the first match wins, in this order).
// Internal to geo/io: gdal_importer (offer items), territory_importer and
// source_fields (what the import dialog proposes).
#include <initializer_list>
#include <string_view>

namespace geo::gdal {

// Offer items.
inline const std::initializer_list<std::string_view> kItemNameFields = {
    "name",    "nom",        "title",     "titre",       "label",        "libelle",
    "libellé", "nom_du_poi", "nom_usuel", "designation", "denomination", "intitule"};
inline const std::initializer_list<std::string_view> kItemIdFields = {
    "id", "identifier", "identifiant", "osm_id", "uuid", "uid", "ref", "code", "objectid", "gid"};
inline const std::initializer_list<std::string_view> kItemFamilyFields = {"family",    "famille",   "category",
                                                                          "categorie", "catégorie", "type"};

// Territories.
inline const std::initializer_list<std::string_view> kTerritoryNameFields = {
    "nom",     "name",     "libelle",      "libellé", "lib",   "DRGP_L_LIB", "NOM_COM", "NOM_DEP",
    "NOM_REG", "NOM_EPCI", "nom_officiel", "NOM_M",   "label", "title",      "titre"};
inline const std::initializer_list<std::string_view> kTerritoryCodeFields = {
    "code",       "INSEE_COM", "insee",      "code_insee", "INSEE_DEP", "INSEE_REG", "CODE_EPCI",
    "SIREN_EPCI", "siren",     "DRGP_C_COD", "code_dept",  "code_reg",  "ref"};

}  // namespace geo::gdal
