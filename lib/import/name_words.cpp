// Word lists for telling people from organisations (see name_words.hpp). The lists are short on
// purpose: a responsible field names a role, maybe a person after it, maybe the unit; what no
// list knows is decided by its place in the field (names.cpp).

#include "import/name_words.hpp"

#include <algorithm>
#include <iterator>

namespace spur::detail {
namespace {

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

}  // namespace

bool is_role_word(std::string_view w) {
  static constexpr std::string_view roles[] = {"studierektor",
                                               "studierektorn",
                                               "verksamhetschef",
                                               "verksamhetschefen",
                                               "enhetschef",
                                               "enhetschefen",
                                               "st-chef",
                                               "st-chefen",
                                               "avdelningschef",
                                               "avdelningschefen",
                                               "sektionschef",
                                               "sektionschefen",
                                               "handledare",
                                               "handledaren",
                                               "huvudhandledare",
                                               "huvudhandledaren",
                                               "chefläkare",
                                               "chefläkaren",
                                               "klinikchef",
                                               "klinikchefen",
                                               "områdeschef",
                                               "områdeschefen",
                                               "vårdenhetschef",
                                               "vårdenhetschefen",
                                               "ledningsansvarig",
                                               "överläkare",
                                               "specialistläkare",
                                               "utbildningsansvarig",
                                               "st-ansvarig",
                                               "chef",
                                               "chefen",
                                               "biträdande",
                                               "medicinsk",
                                               "medicinskt",
                                               "ansvarig",
                                               "ansvarige",
                                               "st-samordnare",
                                               "samordnare",
                                               "samordnaren",
                                               "läkare",
                                               "enhetens",
                                               "verksamhetens",
                                               "docent",
                                               "professor",
                                               "dr",
                                               "med.dr",
                                               "doktor",
                                               "ordförande",
                                               "sjuksköterska",
                                               "koordinator",
                                               "administratör",
                                               "st-läkare"};
  return in(roles, w);
}

bool is_first_name(std::string_view w) {
  static constexpr std::string_view names[] = {
      // women
      "agneta", "agnes", "alice", "alva", "amanda", "anette", "angelica", "ann", "anna", "anne",
      "anneli", "annelie", "annika", "astrid", "birgit", "birgitta", "britt", "britta", "camilla",
      "carina", "caroline", "cecilia", "charlotte", "christina", "ebba", "elin", "elina",
      "elisabet", "elisabeth", "ella", "ellen", "elsa", "emelie", "emilia", "emma", "erika", "eva",
      "frida", "gun", "gunilla", "gunnel", "hanna", "hedvig", "helen", "helena", "helene", "ida",
      "inga", "inger", "ingrid", "jeanette", "jennie", "jenny", "jessica", "johanna", "josefin",
      "josefine", "julia", "kajsa", "karin", "karolina", "katarina", "katja", "kerstin", "klara",
      "kristin", "kristina", "lena", "lina", "linda", "linn", "linnea", "lisa", "lisbeth", "lotta",
      "louise", "madeleine", "maja", "malin", "margareta", "mari", "maria", "marianne", "marie",
      "marina", "marita", "matilda", "mia", "moa", "mona", "monica", "monika", "märta", "nina",
      "petra", "pia", "rebecka", "sandra", "sanna", "sara", "sarah", "signe", "siv", "sofia",
      "sofie", "stina", "susanna", "susanne", "therese", "tina", "tove", "ulla", "ulrika", "vera",
      "veronica", "victoria", "viktoria", "wilma", "ylva", "yvonne", "åsa", "elvira", "fatima",
      "leila", "maryam", "sonja", "tuva", "tilda", "ronja", "rut", "ruth", "gerd", "greta",
      "dagmar", "elise", "jonna", "mikaela", "michaela", "nathalie", "natalie", "paula", "regina",
      "rosa", "selma", "ingela", "ingegerd",
      // men
      "adam", "ahmed", "albin", "alexander", "ali", "anders", "andreas", "anton", "arne", "axel",
      "bengt", "bertil", "björn", "bo", "carl", "christer", "christian", "christoffer", "claes",
      "dan", "daniel", "david", "einar", "elias", "emil", "erik", "erling", "filip", "fredrik",
      "gunnar", "gustav", "gustaf", "göran", "gösta", "hans", "harald", "hassan", "henrik", "hugo",
      "håkan", "ingvar", "isak", "ivar", "jakob", "jacob", "jan", "jens", "jesper", "jimmy",
      "joakim", "johan", "johannes", "jon", "jonas", "jonathan", "jörgen", "karl", "kenneth",
      "kent", "kjell", "klas", "kristian", "kristoffer", "kurt", "lars", "leif", "lennart", "linus",
      "lucas", "ludvig", "magnus", "marcus", "markus", "martin", "mats", "mattias", "mikael",
      "michael", "mohammad", "mohammed", "muhammad", "nicklas", "niklas", "nils", "ola", "olle",
      "olof", "omar", "oliver", "oscar", "oskar", "ove", "patrik", "per", "peter", "petter",
      "pontus", "pål", "rasmus", "rickard", "robert", "roger", "roland", "rolf", "ronny",
      "sebastian", "simon", "staffan", "stefan", "sten", "stig", "sune", "sven", "thomas", "tobias",
      "tomas", "tommy", "torbjörn", "torsten", "ulf", "ulrik", "urban", "victor", "viktor",
      "william", "åke", "östen", "gert", "jarl", "kalle", "lasse", "pelle", "sture", "tore",
      "valter", "vilhelm", "yngve"};
  return in(names, w);
}

bool looks_like_surname(std::string_view w) {
  // "-son" also ends words such as "person": only longer forms with a consonant before it.
  return w.size() > 6 && (w.ends_with("sson") || w.ends_with("zon"));
}

bool is_organisation_word(std::string_view w) {
  // A word starting with one of these is part of an institution's or a unit's name.
  static constexpr std::string_view stems[] = {
      "region",         "landsting",   "kommun",    "sjukhus",       "universitet", "lasarett",
      "klinik",         "vårdcentral", "centrum",   "center",        "centre",      "enhet",
      "avdelning",      "mottagning",  "sektion",   "verksamhet",    "vård",        "primärvård",
      "hälso",          "medicin",     "akademisk", "karolinska",    "sahlgrenska", "danderyd",
      "södersjukhus",   "capio",       "aleris",    "palliativ",     "geriatrik",   "psykiatri",
      "kirurgi",        "ortopedi",    "onkologi",  "internmedicin", "anestesi",    "infektion",
      "rehabilitering", "norra",       "södra",     "västra",        "östra",       "sydöstra",
      "nordöstra",      "sydvästra"};
  // Places, whole (a surname may start like one: Lundberg, Malmström), also in the genitive.
  static constexpr std::string_view places[] = {
      "nordvästra",     "mellersta",    "stockholm",   "göteborg",     "malmö",      "lund",
      "uppsala",        "umeå",         "linköping",   "örebro",       "västerås",   "ystad",
      "helsingborg",    "kristianstad", "skåne",       "halland",      "blekinge",   "gotland",
      "värmland",       "dalarna",      "jämtland",    "härjedalen",   "norrbotten", "västerbotten",
      "västernorrland", "gävleborg",    "sörmland",    "östergötland", "götaland",   "jönköping",
      "kronoberg",      "kalmar",       "västmanland", "uppland",      "simrishamn", "trelleborg",
      "hässleholm",     "landskrona",   "sundsvall",   "östersund",    "luleå",      "karlstad",
      "växjö",          "halmstad",     "norrköping",  "borås",        "eskilstuna", "gävle"};
  for (auto stem : stems)
    if (w.starts_with(stem)) return true;
  std::string_view bare = w;
  if (bare.ends_with('s')) bare.remove_suffix(1);
  return in(places, w) || in(places, bare);
}

}  // namespace spur::detail
