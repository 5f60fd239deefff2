// French for the English error templates of geo/store, geo/crs and geo/core (catalogue, SQLite, CRS, parsing); see
// app/gui/errors/error_text.hpp.
#include "app/gui/errors/error_text.hpp"

namespace app::gui {
namespace {

constexpr ErrorTranslation kTable[] = {
    {"PostgreSQL: the connection to the server was lost: {}", "PostgreSQL : la connexion au serveur a été perdue : {}"},
    {"PostgreSQL: {}", "PostgreSQL : {}"},
    {"cannot connect to the PostgreSQL server: out of memory",
     "connexion au serveur PostgreSQL impossible : mémoire insuffisante"},
    {"cannot connect to the PostgreSQL server: {}", "connexion au serveur PostgreSQL impossible : {}"},
    {"not a PostgreSQL address: {}", "adresse PostgreSQL invalide : {}"},
    {"the PostgreSQL server does not accept UTF-8 as the client encoding",
     "le serveur PostgreSQL n'accepte pas l'UTF-8 comme encodage client"},
    {"the address holds a password, which Territoire never takes on the command line, in a project or in a log; put "
     "it in ~/.pgpass (or PGPASSFILE), a service file (PGSERVICEFILE) or PGPASSWORD",
     "l'adresse contient un mot de passe, que Territoire n'accepte jamais en ligne de commande, dans un projet ou dans "
     "un journal ; mettez-le dans ~/.pgpass (ou PGPASSFILE), un fichier de service (PGSERVICEFILE) ou PGPASSWORD"},
    {"{}: another import of source {} is writing to this catalogue; waiting for it to finish",
     "{} : un autre import de la source {} écrit dans ce catalogue ; attente de sa fin"},
    {"{}: another import of territories is writing to this catalogue; waiting for it to finish",
     "{} : un autre import de territoires écrit dans ce catalogue ; attente de sa fin"},
    {"creating the catalogue schema {}", "création du schéma de catalogue {}"},
    {"installing the PostGIS extension", "installation de l'extension PostGIS"},
    {"{}: reading offer items", "{} : lecture des éléments d'offre"},
    {"{}: reading territories", "{} : lecture des territoires"},
    {"{}: not a Territoire catalogue (the database has a schema \"territoire\" without its territoire_meta table); "
     "nothing was changed",
     "{} : pas un catalogue Territoire (la base a un schéma « territoire » sans sa table territoire_meta) ; rien n'a "
     "été modifié"},
    {"{}: catalogue schema version {} is newer than this Territoire supports ({}); upgrade Territoire. The database "
     "was left untouched",
     "{} : la version {} du schéma du catalogue est plus récente que celle que ce Territoire prend en charge ({}) ; "
     "mettez Territoire à jour. La base n'a pas été modifiée"},
    {"{}: no Territoire catalogue in this database (no schema \"territoire\"); an import creates one",
     "{} : aucun catalogue Territoire dans cette base (pas de schéma « territoire ») ; un import en crée un"},
    {"CRS \"{}\": PROJ rejected \"{}\": {}", "SCR « {} » : PROJ a rejeté « {} » : {}"},
    {"CRS \"{}\": cannot clone the projection ({})", "SCR « {} » : impossible de dupliquer la projection ({})"},
    {"CRS \"{}\": cannot normalise axis order ({})", "SCR « {} » : impossible de normaliser l'ordre des axes ({})"},
    {"CRS \"{}\": expected a projected CRS in metres, got {}",
     "SCR « {} » : SCR projeté en mètres attendu, obtenu : {}"},
    {"CRS \"{}\": no transformation from WGS 84 ({})", "SCR « {} » : aucune transformation depuis WGS 84 ({})"},
    {"CRS \"{}\": unknown to PROJ ({})", "SCR « {} » : inconnu de PROJ ({})"},
    {"PROJ: cannot create a context", "PROJ : impossible de créer un contexte"},
    {"R*Tree {}", "R*Tree {}"},
    {"R*Tree {}: unexpected node size {}", "R*Tree {} : taille de nœud inattendue {}"},
    {"SQL error: {} in \"{}\"", "erreur SQL : {} dans « {} »"},
    {"SQL error: {}{}", "erreur SQL : {}{}"},
    {"SQL query returned no row: {}", "la requête SQL n'a renvoyé aucune ligne : {}"},
    {"SQLite: {}", "SQLite : {}"},
    {"SpatiaLite did not register the geometry columns ({} of {})",
     "SpatiaLite n'a pas enregistré les colonnes de géométrie ({} sur {})"},
    {"WKB geometry type {}, expected a 2D polygon or multipolygon",
     "géométrie WKB de type {}, polygone ou multipolygone 2D attendu"},
    {"WKB multipolygon part of type {}", "partie de multipolygone WKB de type {}"},
    {"WKB ring of {} points is longer than the {} bytes left",
     "anneau WKB de {} points plus long que les {} octets restants"},
    {"bbox \"{}\": expected four numbers W,S,E,N in degrees, e.g. 0.05,46.7,1.37,47.71",
     "bbox « {} » : quatre nombres W,S,E,N (ouest, sud, est, nord) en degrés attendus, par ex. 0.05,46.7,1.37,47.71"},
    {"bbox \"{}\": expected west < east and south < north (order W,S,E,N)",
     "bbox « {} » : ouest < est et sud < nord attendus (ordre W,S,E,N)"},
    {"bbox \"{}\": outside WGS 84 (longitudes in [-180, 180], latitudes in [-90, 90])",
     "bbox « {} » : hors de WGS 84 (longitudes dans [-180, 180], latitudes dans [-90, 90])"},
    {"cannot load SpatiaLite (mod_spatialite, package libsqlite3-mod-spatialite): {}",
     "impossible de charger SpatiaLite (mod_spatialite, paquet libsqlite3-mod-spatialite) : {}"},
    {"choosing a metric CRS: bounding box [{}, {}, {}, {}] outside [-180, -90, 180, 90]",
     "choix d'un SCR métrique : emprise [{}, {}, {}, {}] hors de [-180, -90, 180, 90]"},
    {"choosing a metric CRS: the bounding box is empty", "choix d'un SCR métrique : l'emprise est vide"},
    {"duplicate id \"{}\" within {}: kept the first", "identifiant « {} » en double dans {} : le premier est conservé"},
    {"duplicate {} code \"{}\" in this file (already read as \"{}\")",
     "code de {} « {} » en double dans ce fichier (déjà lu sous la forme « {} »)"},
    {"duplicate {} name \"{}\" in this file (already read as \"{}\")",
     "nom de {} « {} » en double dans ce fichier (déjà lu sous la forme « {} »)"},
    {"lon {} lat {}", "lon {} lat {}"},
    {"migration to schema {}", "migration vers le schéma {}"},
    {"territory \"{}\": expected offer:LEVEL:CODE, e.g. offer:departement:41",
     "territoire « {} » : format attendu offer:NIVEAU:CODE, par ex. offer:departement:41"},
    {"the catalogue file is damaged ({}); `territoire check` tells more; restore a backup",
     "le fichier du catalogue est endommagé ({}) ; `territoire check` donne plus de détails ; restaurez une "
     "sauvegarde"},
    {"truncated WKB header", "en-tête WKB tronqué"},
    {"truncated WKB multipolygon", "multipolygone WKB tronqué"},
    {"truncated WKB multipolygon part", "partie de multipolygone WKB tronquée"},
    {"truncated WKB polygon", "polygone WKB tronqué"},
    {"truncated WKB ring", "anneau WKB tronqué"},
    {"x {} m y {} m", "x {} m y {} m"},
    {"{} projection to {}: point {} cannot be transformed ({})",
     "projection de {} vers {} : le point {} ne peut pas être transformé ({})"},
    {"{}. Nothing was written", "{}. Rien n'a été écrit"},
    {"{}: \"{}\" names {} territories; say which: {}", "{} : \"{}\" désigne {} territoires ; précisez lequel : {}"},
    {"{}: an interrupted write left {}, which must be rolled back before the catalogue can be read; open it once with "
     "write access to the file and its folder (e.g. `territoire check --catalogue {}`). Nothing was read",
     "{} : une écriture interrompue a laissé {}, qu'il faut annuler avant de pouvoir lire le catalogue ; ouvrez-le une "
     "fois avec les droits d'écriture sur le fichier et son dossier (par ex. `territoire check --catalogue {}`). Rien "
     "n'a été lu"},
    {"{}: cannot open catalogue: {}", "{} : impossible d'ouvrir le catalogue : {}"},
    {"{}: cannot open the taxonomy file", "{} : impossible d'ouvrir le fichier de taxonomie"},
    {"{}: catalogue is read-only", "{} : le catalogue est en lecture seule"},
    {"{}: catalogue is read-only; nothing was imported",
     "{} : le catalogue est en lecture seule ; rien n'a été importé"},
    {"{}: catalogue schema version {} is newer than this Territoire supports ({}); upgrade Territoire. The file was "
     "left untouched",
     "{} : la version {} du schéma du catalogue est plus récente que celle prise en charge par cette version de "
     "Territoire ({}) ; mettez Territoire à jour. Le fichier n'a pas été modifié"},
    {"{}: catalogue schema {} needs an upgrade to {}, but the file is read-only",
     "{} : le schéma {} du catalogue doit être mis à niveau vers {}, mais le fichier est en lecture seule"},
    {"{}: expected a JSON object at the top level", "{} : objet JSON attendu au niveau supérieur"},
    {"{}: import cancelled; the catalogue is unchanged", "{} : import annulé ; le catalogue n'a pas été modifié"},
    {"{}: is a folder, expected a catalogue file", "{} : est un dossier, fichier catalogue attendu"},
    {"{}: item {}", "{} : élément {}"},
    {"{}: item {} has invalid coordinates", "{} : l'élément {} a des coordonnées invalides"},
    {"{}: latitude \"{}\" outside [-90, 90]", "{} : latitude « {} » hors de [-90, 90]"},
    {"{}: nesting deeper than {} levels", "{} : imbrication de plus de {} niveaux"},
    {"{}: no offer item for \"{}\"", "{} : aucun élément d'offre pour « {} »"},
    {"{}: no such catalogue file", "{} : fichier catalogue introuvable"},
    {"{}: no territory named \"{}\" (expected {}); it holds: {}",
     "{} : aucun territoire nommé « {} » (attendu : {}) ; il contient : {}"},
    {"{}: not a Territoire catalogue (an SQLite database without the territoire_meta table); the file was left "
     "untouched",
     "{} : pas un catalogue Territoire (base SQLite sans table territoire_meta) ; le fichier n'a pas été modifié"},
    {"{}: not a Territoire catalogue (not an SQLite database); the file was left untouched",
     "{} : pas un catalogue Territoire (pas une base SQLite) ; le fichier n'a pas été modifié"},
    {"{}: not a regular file (a pipe or a device), expected a catalogue file",
     "{} : pas un fichier ordinaire (un tube ou un périphérique), fichier catalogue attendu"},
    {"{}: not valid JSON ({})", "{} : JSON invalide ({})"},
    {"{}: not valid JSON ({}, at byte {})", "{} : JSON invalide ({}, à l'octet {})"},
    {"{}: reading offer items: {}", "{} : lecture des éléments d'offre : {}"},
    {"{}: reading territories: {}", "{} : lecture des territoires : {}"},
    // streamed imports (geo/store/item_import.hpp)
    {"{}: the import already failed; nothing was imported", "{} : l'import a déjà échoué ; rien n'a été importé"},
    // catalogue copy (geo/store/catalogue_copy.cpp)
    {"{}: a catalogue cannot be copied onto itself", "{} : un catalogue ne peut pas être copié sur lui-même"},
    {"{}: copy cancelled", "{} : copie annulée"},
    {"{}: nothing copied (the new file was removed)", "{} : rien n'a été copié (le nouveau fichier a été supprimé)"},
    {"{}: the copy stopped part-way; what landed before stays",
     "{} : la copie s'est arrêtée en cours de route ; ce qui était déjà copié reste"},
    {"{}: the destination catalogue cannot be written", "{} : le catalogue de destination n'est pas modifiable"},
    {"{}: the destination catalogue is not empty ({} items, {} territories, {} sources, {} audiences, {} "
     "perimeters); copy into a new file or an empty database",
     "{} : le catalogue de destination n'est pas vide ({} éléments d'offre, {} territoires, {} sources, {} publics, "
     "{} périmètres) ; copiez vers un nouveau fichier ou une base vide"},
    {"{}: the destination's folder does not exist", "{} : le dossier de destination n'existe pas"},
    {"{}: {} items of source {} were refused by the destination (first: {})",
     "{} : {} éléments d'offre de la source {} ont été refusés par la destination (premier : {})"},
    {"{}: {} territories of source {} were refused by the destination (first: {})",
     "{} : {} territoires de la source {} ont été refusés par la destination (premier : {})"},
    {"{}: rebuilding the spatial index", "{} : reconstruction de l'index spatial"},
    {"{}: territory \"{}\" not found; at level {} it holds: {}",
     "{} : territoire « {} » introuvable ; au niveau {}, il contient : {}"},
    {"{}: territory {}", "{} : territoire {}"},
    {"{}: theme {}", "{} : thème {}"},
    {"{}: {}: {}", "{} : {} : {}"},
};

}  // namespace

std::span<const ErrorTranslation> error_fr_store() {
    return kTable;
}

}  // namespace app::gui
