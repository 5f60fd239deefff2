// French for the English error templates of app/gui and app/print; see
// app/gui/errors/error_text.hpp.
#include "app/gui/errors/error_text.hpp"

namespace app::gui {
namespace {

constexpr ErrorTranslation kTable[] = {
    {"--gaps needs an audience perimeter (--audience)", "--gaps demande le périmètre d'une cible (--audience)"},
    {"EGL: desktop OpenGL is not available", "EGL : OpenGL de bureau indisponible"},
    {"EGL: eglGetPlatformDisplayEXT is missing (no EGL_EXT_platform_base)",
     "EGL : eglGetPlatformDisplayEXT est absent (pas d'EGL_EXT_platform_base)"},
    {"EGL: eglInitialize failed (error 0x{:x})", "EGL : échec d'eglInitialize (erreur 0x{})"},
    {"EGL: eglMakeCurrent failed (error 0x{:x})", "EGL : échec d'eglMakeCurrent (erreur 0x{})"},
    {"EGL: no OpenGL 3.3 core context (error 0x{:x})", "EGL : pas de contexte OpenGL 3.3 core (erreur 0x{})"},
    {"EGL: no surfaceless platform (EGL_MESA_platform_surfaceless)",
     "EGL : pas de plateforme sans surface (EGL_MESA_platform_surfaceless)"},
    {"building the map meshes timed out", "la préparation des maillages de la carte a dépassé le délai"},
    {"cannot create an OpenGL 3.3 core window ({})", "impossible de créer une fenêtre OpenGL 3.3 core ({})"},
    {"cannot create the {}x{} px page: {}", "impossible de créer la page de {}×{} px : {}"},
    {"cannot initialise the ImGui OpenGL 3 renderer", "impossible d'initialiser le rendu OpenGL 3 d'ImGui"},
    {"cannot open a window ({}); without a display, run under xvfb-run -a, or use `territoire render`",
     "impossible d'ouvrir une fenêtre ({}) ; sans écran, lancez sous xvfb-run -a, ou utilisez `territoire render`"},
    {"choose at least one competitor", "choisissez au moins un concurrent"},
    {"context layer", "couche de fond"},
    {"image size {}x{} outside 1..{} pixels", "taille d'image {}×{} hors de 1 à {} pixels"},
    {"no offer item loaded", "aucun élément d'offre chargé"},
    {"no output file given (-o map.pdf)", "aucun fichier de sortie indiqué (-o carte.pdf)"},
    {"no output file given (-o map.png)", "aucun fichier de sortie indiqué (-o carte.png)"},
    {"nothing imported", "rien n'a été importé"},
    {"offer gaps: {}", "manques d'offre : {}"},
    {"offscreen framebuffer incomplete (status 0x{:x})", "tampon d'image hors écran incomplet (état 0x{})"},
    {"perimeter level {:g}", "périmètre au niveau {}"},
    {"shaders/{}: compile error: {}", "shaders/{} : erreur de compilation : {}"},
    {"shaders/{}: link error: {}", "shaders/{} : erreur d'édition de liens : {}"},
    {"territory {}", "territoire {}"},
    {"{} area", "zone {}"},
    {"{}: cannot create the PDF: {}", "{} : impossible de créer le PDF : {}"},
    {"{}: cannot encode the PNG", "{} : impossible d'encoder le PNG"},
    {"{}: drawing the page failed: {}", "{} : échec du dessin de la page : {}"},
    {"{}: drawing the report failed: {}", "{} : échec du dessin du rapport : {}"},
    {"{}: empty image, nothing to write", "{} : image vide, rien à écrire"},
    {"{}: neither a raster nor a vector file GDAL can read (no driver recognises it)",
     "{} : ni un raster ni un fichier vecteur lisible par GDAL (aucun pilote ne le reconnaît)"},
    {"{}; and {}", "{} ; et {}"},
};

}  // namespace

std::span<const ErrorTranslation> error_fr_gui() {
    return kTable;
}

}  // namespace app::gui
