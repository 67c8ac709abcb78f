// Reads a SPUR report's extracted text into its parts. The extraction scrambles the layout
// (labels before the items they head, summary headings before all bullets, page headers in
// the middle of texts), so the rule book's own texts are what places most lines: a line that
// starts a requirement, scale or area text is followed over line breaks until the text is
// complete. What is left is narrative: blocks of it between those texts, headings and labels,
// given to areas by narrative_placement.hpp and then read sentence by sentence.

#include <algorithm>
#include <optional>
#include <regex>

#include "import/grade_marks.hpp"
#include "import/narrative_placement.hpp"
#include "import/page_furniture.hpp"
#include "import/parsed_report.hpp"
#include "import/text_match.hpp"
#include "spur/action_plan.hpp"

namespace spur::detail {

std::vector<Sentence>& ParsedReport::area_text(const std::string& area) {
  for (auto& a : narrative)
    if (a.area == area) return a.sentences;
  narrative.push_back({area, {}});
  std::sort(narrative.begin(), narrative.end(),
            [](const AreaNarrative& a, const AreaNarrative& b) { return a.area < b.area; });
  for (auto& a : narrative)
    if (a.area == area) return a.sentences;
  return narrative.back().sentences;  // not reached
}

namespace {

enum class KnownKind { requirement, scale, preamble, heading };

struct Known {
  std::string folded;  // compared without hyphens (see without_hyphens)
  KnownKind kind;
  std::string id;    // requirement id or area id
  std::string area;  // of a requirement or heading; none for texts several areas print
};

std::vector<Known> known_texts(const RuleBook& book) {
  std::vector<Known> out;
  for (const auto& reg : book.regulations())
    for (const auto& q : reg.requirements) {
      Known k{without_hyphens(fold(q.text)), KnownKind::requirement, q.id, q.area};
      bool seen = false;
      for (const auto& o : out) seen = seen || (o.id == k.id && o.folded == k.folded);
      if (!seen) out.push_back(std::move(k));
    }
  const Model& model = book.model();
  for (const auto& area : model.areas) {
    // The title alone, or after its letter ("D. Tjänstgöringens upplägg").
    for (const std::string& title :
         {area.name, area.id + ". " + area.name, area.id + " " + area.name})
      out.push_back({without_hyphens(fold(title)), KnownKind::heading, area.id, area.id});
    if (!area.preamble.empty()) {
      bool seen = false;
      const std::string f = without_hyphens(fold(area.preamble));
      for (const auto& o : out) seen = seen || o.folded == f;
      if (!seen) out.push_back({f, KnownKind::preamble, area.id, ""});
    }
  }
  for (const auto& [id, scale] : model.scales)
    for (const auto& row : scale.rows) {
      const std::string f =
          without_hyphens(fold(std::string(to_string(row.grade)) + ". " + row.text));
      bool seen = false;
      for (const auto& o : out) seen = seen || o.folded == f;
      if (!seen) out.push_back({f, KnownKind::scale, id, ""});
    }
  return out;
}

struct Label {
  enum Kind { kind_heading, grading, summary, spur_model, area_letter, regulation_columns };
  Kind kind;
  bool regulation_only = false;  // "(endast 2015)" / "(endast 2021)"
};

std::optional<Label> label_of(const std::string& folded_line) {
  std::string f = folded_line;
  std::erase(f, ',');
  if (f.empty()) return std::nullopt;
  if (f.size() == 1 && f[0] >= 'a' && f[0] <= 'h') return Label{Label::area_letter};
  if (f == "gradering" || f == "graderingar") return Label{Label::grading};
  // The grade columns of a two-regulation report, on one line or two, by year or by name.
  static const std::regex columns(R"(((sosfs |hslf-fs )?(2015|2021)(:8)? ?)+)");
  if (f.size() <= 30 && (f[0] == '2' || f[0] == 's' || f[0] == 'h') && std::regex_match(f, columns))
    return Label{Label::regulation_columns};
  if (f == "vilket enligt spur-modellen innebär att:" ||
      f == "vilket enligt spur-modellen innebär att")
    return Label{Label::spur_model};
  static const std::regex summary(
      R"((styrkor|svagheter|förbättringspotential)( (styrkor|svagheter|förbättringspotential))*)");
  if (std::regex_match(f, summary)) return Label{Label::summary};
  static const std::regex kind(
      R"((föreskrift|föreskrifter|allmänna råd|allmänt råd|kvalitetsindikator|kvalitetsindikatorer)( \(endast (2015|2021)\))?)");
  std::smatch m;
  if (std::regex_match(f, m, kind)) return Label{Label::kind_heading, m[2].matched};
  return std::nullopt;
}

bool is_section(const std::string& f) {
  return f == "struktur" || f == "process";
}

bool is_plan_heading(const std::string& f) {
  return f == "handlingsplan" || f == "handlingsplan:";
}

// A line of nothing but grade marks ("X", "✓"), printed in a grading table's column: the
// marks are read from a PDF's layout, never from its text.
bool only_marks(std::string_view line) {
  std::size_t at = 0;
  bool any = false;
  while (at < line.size()) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    if (end > at) {
      if (!is_mark_glyph(line.substr(at, end - at))) return false;
      any = true;
    }
    at = end + 1;
  }
  return any;
}

// A scale row with a mark beside its text ("B. Socialstyrelsens föreskrifter följs. X"), as
// the text extraction may join them: the row without the mark.
std::string without_marks(const std::string& line) {
  if (line.size() < 4 || line[0] < 'A' || line[0] > 'D' || line[1] != '.' || line[2] != ' ')
    return line;
  std::string out;
  std::size_t at = 0;
  while (at < line.size()) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    const std::string_view word = std::string_view(line).substr(at, end - at);
    if (!word.empty() && !is_mark_glyph(word)) out += (out.empty() ? "" : " ") + std::string(word);
    at = end + 1;
  }
  return out;
}

class Parser {
 public:
  Parser(const RuleBook& book, const std::vector<std::string>& raw, const std::string& source)
      : book_(book), source_(source), known_(known_texts(book)) {
    for (std::size_t i = 0; i < raw.size(); ++i) {
      std::string t = without_page_furniture(raw[i]);
      if (t.empty()) continue;
      if (only_marks(t)) continue;
      lines_.push_back({static_cast<int>(i + 1), without_marks(t)});
    }
  }

  ParsedReport run() {
    scan_regulations();
    std::size_t k = 0;
    while (k < lines_.size()) {
      const ReportLine& line = lines_[k];
      const std::string f = fold(line.text);
      if (is_plan_heading(f)) {
        end_block();
        read_narrative();
        ++out_.evidence;
        parse_plan(k + 1);
        break;
      }
      if (is_section(f)) {
        end_block();
        mark(LayoutMark::other, "", line.number);
        ++out_.evidence;
        in_areas_ = true;
        bullets_ = false;
        ++k;
        continue;
      }
      if (auto label = label_of(f)) {
        end_block();
        if (label->kind == Label::area_letter)
          mark(LayoutMark::area_letter, std::string(1, static_cast<char>(f[0] - 'a' + 'A')),
               line.number);
        else
          mark(LayoutMark::other, "", line.number);
        ++out_.evidence;
        // Both years on one line, or on two lines in a row ("2015" / "2021").
        bool both_columns = false;
        if (label->kind == Label::regulation_columns) {
          const bool y2015 = f.find("2015") != std::string::npos;
          const bool y2021 = f.find("2021") != std::string::npos;
          both_columns = (y2015 && y2021) || (lone_year_ && lone_year_ != (y2015 ? 2015 : 2021) &&
                                              line.number - lone_year_line_ <= 4);
          lone_year_ = y2015 != y2021 ? (y2015 ? 2015 : 2021) : 0;
          lone_year_line_ = line.number;
        }
        if ((label->regulation_only || both_columns) && !out_.two_regulation_marker_line)
          out_.two_regulation_marker_line = line.number;
        if (label->kind == Label::summary && !in_areas_) summary_label(f);
        if (label->kind == Label::area_letter)
          letter_ = std::string(1, static_cast<char>(f[0] - 'a' + 'A'));
        ++k;
        continue;
      }
      if (auto m = match_known(k)) {
        const Known& known = *m->first;
        if (known.kind == KnownKind::requirement && restated_in_narrative(k, m->second)) {
          // The narrative quotes a requirement between its own sentences: it stays narrative.
          for (std::size_t n = 0; n < m->second; ++n) run_.push_back(lines_[k + n]);
          k += m->second;
          continue;
        }
        end_block();
        out_.evidence += 2;
        if (known.kind == KnownKind::heading) {
          mark(LayoutMark::heading, known.area, line.number);
          area_ = known.id;
          in_areas_ = true;
          bullets_ = false;
        } else if (known.kind == KnownKind::requirement) {
          mark(LayoutMark::rule_text, known.area, line.number);
          if (std::find(out_.listed.begin(), out_.listed.end(), known.id) == out_.listed.end())
            out_.listed.push_back(known.id);
        } else if (known.kind == KnownKind::scale) {
          mark(LayoutMark::other, "", line.number);
          scale_row(known, line.number);
        } else {
          mark(LayoutMark::other, "", line.number);
        }
        k += m->second;
        continue;
      }
      if (!in_areas_ && bullets_) {
        bullet_line(line);
      } else if (in_areas_ && !area_.empty()) {
        run_.push_back(line);
      } else {
        header_line(line);
      }
      ++k;
    }
    end_block();
    read_narrative();
    end_bullet();
    if (!summary_interleaved_) classify_bullets();
    find_header_in_text();
    assign_table_areas();
    return std::move(out_);
  }

 private:
  void mark(LayoutMark::Kind kind, std::string area, int line) {
    marks_.push_back({kind, std::move(area), line});
  }

  // A requirement text inside the narrative, not in a table: narrative ends a sentence just
  // before it and goes on right after it.
  bool restated_in_narrative(std::size_t k, std::size_t used) const {
    if (run_.empty() || k + used >= lines_.size()) return false;
    const char last = run_.back().text.back();
    if (last != '.' && last != '!' && last != '?') return false;
    const std::string next = fold(lines_[k + used].text);
    if (label_of(next) || is_section(next) || is_plan_heading(next)) return false;
    return !match_known(k + used);
  }

  // The narrative lines in a row so far become a block under the current heading.
  void end_block() {
    if (run_.empty()) return;
    blocks_.push_back({std::move(run_), area_, marks_.size()});
    run_.clear();
  }

  // Each block to its area (see narrative_placement.hpp), then its sentences read in order;
  // a block that continues an earlier one's sentence is read with it.
  void read_narrative() {
    if (narrative_read_) return;
    narrative_read_ = true;
    const auto placed = place_narrative(book_, marks_, blocks_, source_, out_.diagnostics);
    std::vector<std::pair<std::string, std::vector<ReportLine>>> runs;
    std::vector<std::size_t> run_of(blocks_.size());
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      auto& lines = blocks_[i].lines;
      if (placed[i].how == BlockPlacement::continuation) {
        run_of[i] = run_of[placed[i].continues];
        auto& run = runs[run_of[i]].second;
        run.insert(run.end(), lines.begin(), lines.end());
        continue;
      }
      run_of[i] = runs.size();
      runs.emplace_back(placed[i].area, std::move(lines));
    }
    for (const auto& [area, lines] : runs) read_sentences(area, lines);
  }

  // The known text starting at line k, followed across line breaks: the longest complete
  // one, and how many lines it takes.
  std::optional<std::pair<const Known*, std::size_t>> match_known(std::size_t k) const {
    // Compared folded and without hyphens; a line ending in a hyphen leaves its word open.
    auto key = [](const std::string& raw) {
      const std::string f = fold(raw);
      return std::make_pair(without_hyphens(f), !f.empty() && f.back() == '-');
    };
    std::string raw = lines_[k].text;
    auto [acc, open] = key(raw);
    std::vector<const Known*> candidates;
    for (const auto& known : known_)
      if (starts_with_words(known.folded, acc, open)) candidates.push_back(&known);
    if (candidates.empty()) return std::nullopt;
    const Known* best = nullptr;
    std::size_t best_lines = 0;
    for (std::size_t n = 1;; ++n) {
      for (const Known* c : candidates)
        if (c->folded == acc) best = c, best_lines = n;
      if (n >= 16 || k + n >= lines_.size()) break;
      const std::string& next = lines_[k + n].text;
      const std::string next_folded = fold(next);
      if (label_of(next_folded) || is_section(next_folded) || is_plan_heading(next_folded)) break;
      std::string raw2 = raw + "\n" + next;
      auto [acc2, open2] = key(raw2);
      std::vector<const Known*> still;
      for (const Known* c : candidates)
        if (starts_with_words(c->folded, acc2, open2)) still.push_back(c);
      if (still.empty()) break;
      candidates = std::move(still);
      raw = std::move(raw2);
      acc = std::move(acc2);
    }
    if (!best) return std::nullopt;
    return std::make_pair(best, best_lines);
  }

  // "Styrkor", "Svagheter", "Förbättringspotential": extraction usually prints the three
  // first and every bullet after them; a report printed otherwise has each above its bullets.
  void summary_label(const std::string& folded) {
    end_bullet();
    bullets_ = true;
    if (!out_.bullets.empty()) summary_interleaved_ = true;
    if (folded.find(' ') != std::string::npos) return;  // several on one line
    summary_kind_ = folded == "styrkor"     ? BulletKind::strength
                    : folded == "svagheter" ? BulletKind::weakness
                                            : BulletKind::improvement;
  }

  // --- the grading tables ------------------------------------------------------------------

  struct TextTable {
    std::vector<std::pair<Grade, int>> rows;
    std::vector<std::string> texts;  // folded, to tell which scale the table prints
    std::string letter;              // the area letter printed since the table before
  };

  // A scale row ("B. Socialstyrelsens …") continues the table before it when its grade is
  // later and it follows closely; else it starts a table.
  void scale_row(const Known& known, int line) {
    const Grade grade = static_cast<Grade>(known.folded[0] - 'a');
    if (tables_.empty() || tables_.back().rows.back().first >= grade ||
        line - tables_.back().rows.back().second > 12) {
      tables_.push_back({{}, {}, letter_});
      letter_.clear();
    }
    tables_.back().rows.emplace_back(grade, line);
    tables_.back().texts.push_back(known.folded);
  }

  // Which area each table grades. The extraction puts a table's rows after the next area's
  // heading, so the heading does not tell; the area letter printed with the table does, and
  // the scale does where only one area has it (three steps: A, C). Else the tables follow
  // the areas in order.
  void assign_table_areas() {
    const Model& model = book_.model();
    std::string previous;
    for (const auto& t : tables_) {
      std::vector<std::string> candidates;
      for (const auto& area : model.areas) {
        const Scale* scale = model.find_scale(area.scale);
        if (!scale) continue;
        bool all = true;
        for (std::size_t r = 0; r < t.rows.size() && all; ++r) {
          bool has = false;
          for (const auto& row : scale->rows)
            has = has ||
                  (row.grade == t.rows[r].first &&
                   without_hyphens(fold(std::string(to_string(row.grade)) + ". " + row.text)) ==
                       t.texts[r]);
          all = has;
        }
        if (all) candidates.push_back(area.id);
      }
      auto candidate = [&](const std::string& a) {
        return std::find(candidates.begin(), candidates.end(), a) != candidates.end();
      };
      std::string area;
      if (!t.letter.empty() && (candidate(t.letter) || candidates.empty()))
        area = t.letter;
      else if (candidates.size() == 1)
        area = candidates.front();
      else
        for (const auto& c : candidates)
          if (c > previous) {
            area = c;
            break;
          }
      if (!area.empty()) previous = area;
      out_.grade_tables.push_back({area, t.rows});
    }
  }

  void end_bullet() {
    if (bullet_.empty()) return;
    out_.bullets.push_back({bullet_, bullet_start_, summary_kind_});
    bullet_.clear();
  }

  // A bullet ends at its full stop or where the next bullet's mark ("•", "–") starts.
  void bullet_line(const ReportLine& line) {
    std::string text = line.text;
    bool marked = false;
    for (std::string_view mark :
         {"\u2022", "\u25CF", "\u25AA", "\u25A0", "\uF0B7", "\u2013", "-", "*"})
      if (text.starts_with(mark) && (mark.size() > 1 || (text.size() > 1 && text[1] == ' '))) {
        text = trim(std::string_view(text).substr(mark.size()));
        marked = true;
        break;
      }
    if (marked) end_bullet();
    if (text.empty()) return;  // the mark alone on its line
    if (bullet_.empty()) bullet_start_ = line.number;
    append_line(bullet_, text);
    const char last = text.back();
    if (last == '.' || last == '!' || last == '?') end_bullet();
  }

  void header_line(const ReportLine& line) {
    static const std::regex field(
        R"((Enhet|Klinik|Verksamhet|Tjänstgöringsställe|Granskad enhet|Specialitet|Granskningsdatum|Datum för granskning|Datum för platsbesök|Platsbesök|Inspektionsdatum|Datum för inspektion)\s*:\s*(.+))",
        std::regex::icase);
    std::smatch m;
    if (std::regex_match(line.text, m, field)) {
      std::string key = fold(m[1].str());
      std::string value = trim(m[2].str());
      if (key == "specialitet") {
        out_.specialty = {value, line.number};
      } else if (key.find("datum") != std::string::npos || key == "platsbesök") {
        static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
        std::smatch d;
        if (std::regex_search(value, d, iso) && parse_iso_date(d.str()))
          out_.date = {d.str(), line.number};
        else
          out_.unplaced.push_back({line.number, line.text});
      } else {
        out_.unit = {value, line.number};
      }
      return;
    }
    out_.unplaced.push_back({line.number, line.text});
  }

  // Narrative lines in a row become sentences of an area.
  void read_sentences(const std::string& area, const std::vector<ReportLine>& run) {
    std::string text;
    std::vector<std::pair<std::size_t, int>> starts;  // offset in text -> line
    for (const auto& l : run) {
      starts.emplace_back(text.empty() ? 0 : text.size() + 1, l.number);
      append_line(text, l.text);
    }
    auto line_at = [&](std::size_t offset) {
      int line = starts.front().second;
      for (const auto& [at, n] : starts)
        if (at <= offset) line = n;
      return line;
    };
    std::size_t from = 0;
    for (auto& s : split_sentences(text)) {
      const std::size_t at = text.find(s, from);
      const int line = line_at(at == std::string::npos ? from : at);
      if (at != std::string::npos) from = at + s.size();
      sentence(area, s, line);
      out_.area_text(area).push_back({std::move(s), line});
    }
  }

  void sentence(const std::string& area, const std::string& text, int line) {
    const std::string f = fold(text);
    static const std::regex adjusted(
        R"(gradering(en)? (är |har )?(blivit )?(ändrad|ändrats|ändras|justerad|justerats|justeras|höjd|höjts|höjs|sänkt|sänkts|sänks) till ([a-d])\b)");
    std::smatch m;
    if (std::regex_search(f, m, adjusted)) {
      std::string said = text;
      auto& sentences = out_.area_text(area);
      if (!sentences.empty() &&
          fold(sentences.back().text).find("handlingsplan") != std::string::npos &&
          sentences.back().line >= line - 6)
        said = sentences.back().text + " " + text;
      out_.grades.push_back(
          {area, *parse_grade(std::string(1, static_cast<char>(m[5].str()[0] - 'a' + 'A'))), said,
           line});
    }
    received(f, line);
    if (f.find("åtgärd krävs") != std::string::npos ||
        f.find("åtgärder krävs") != std::string::npos)
      out_.actions_required.push_back({area, {text, line}});
  }

  // Where the report says the plan has come in (or that it has not); a later sentence may
  // give the date.
  void received(const std::string& f, int line) {
    if (!out_.received_on.empty() || f.find("handlingsplan") == std::string::npos) return;
    static const std::regex in(R"(\b(inkommit|inkommen|inkom|kommit in)\b)");
    static const std::regex not_in(
        R"(\b(inte|ej|icke|aldrig)( ännu| heller)? (har |hade |är |blivit )?(inkommit|inkommen|inkom|kommit in)\b)");
    if (std::regex_search(f, not_in)) {
      if (!out_.not_received_line) out_.not_received_line = line;
      return;
    }
    if (!std::regex_search(f, in)) return;
    if (!out_.received_line) out_.received_line = line;
    static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
    std::smatch m;
    if (std::regex_search(f, m, iso) && parse_iso_date(m.str())) out_.received_on = m.str();
  }

  void classify_bullets() {
    auto& b = out_.bullets;
    if (b.empty()) return;
    static constexpr std::string_view negative[] = {
        " saknas", " saknar", " inte ", " ej ",     " brist", " otillräcklig", " oklar",
        " ingen ", " inga ",  " få ",   " alltför", " svårt", " svårighet"};
    static constexpr std::string_view advice[] = {
        "implementera", "tydligare",   "sträva",      "inför",      "införa",      "överväg",
        "fortsätt",     "utveckla",    "se över",     "förbättra",  "skapa",       "öka",
        "säkerställ",   "arbeta",      "ta fram",     "verka",      "genomför",    "planera",
        "erbjud",       "dokumentera", "strukturera", "förtydliga", "utöka",       "stärk",
        "följ upp",     "använd",      "möjliggör",   "fastställ",  "upprätta",    "avsätt",
        "schemalägg",   "ge ",         "låt ",        "inkludera",  "formalisera", "bättre",
        "mer ",         "fler "};
    auto has_negative = [&](const std::string& text) {
      std::string f = " " + fold(text) + " ";
      for (char& c : f)
        if (c == ',' || c == '.' || c == ';' || c == ':') c = ' ';
      for (auto w : negative)
        if (f.find(w) != std::string::npos) return true;
      return false;
    };
    auto is_advice = [&](const std::string& text) {
      const std::string f = fold(text);
      for (auto w : advice)
        if (f.starts_with(w)) return true;
      return false;
    };
    std::size_t weak = b.size(), improve = b.size();
    for (std::size_t i = 0; i < b.size(); ++i)
      if (has_negative(b[i].text)) {
        weak = i;
        break;
      }
    for (std::size_t i = weak == b.size() ? 0 : weak + 1; i < b.size(); ++i)
      if (is_advice(b[i].text)) {
        improve = i;
        break;
      }
    for (std::size_t i = 0; i < b.size(); ++i)
      b[i].kind = i >= improve ? BulletKind::improvement
                  : i >= weak  ? BulletKind::weakness
                               : BulletKind::strength;
    out_.bullets_guessed = true;
  }

  void scan_regulations() {
    for (const auto& l : lines_) {
      const std::string f = fold(l.text);
      if (f.find("sosfs 2015:8") != std::string::npos)
        out_.regulation_mentions.emplace_back("sosfs-2015-8", l.number);
      if (f.find("hslf-fs 2021:8") != std::string::npos)
        out_.regulation_mentions.emplace_back("hslf-fs-2021-8", l.number);
      if (f.find("två parallella") != std::string::npos && !out_.parallel_line)
        out_.parallel_line = l.number;
    }
  }

  void find_header_in_text() {
    if (!out_.specialty.value.empty()) return;
    static const std::regex specialty(
        R"((ST-utbildningen|ST-utbildning|ST|specialiseringstjänstgöringen|specialiteten) i ([a-zåäö]+( [a-zåäö]+)?)[.,])");
    for (const auto& a : out_.narrative)
      for (const auto& s : a.sentences) {
        std::smatch m;
        if (std::regex_search(s.text, m, specialty)) {
          out_.specialty = {m[2].str(), s.line};
          return;
        }
      }
    for (const auto& b : out_.bullets) {
      std::smatch m;
      if (std::regex_search(b.text, m, specialty)) {
        out_.specialty = {m[2].str(), b.line};
        return;
      }
    }
  }

  // --- the handlingsplan -------------------------------------------------------------------

  enum class Field {
    none,
    requirement,
    action,
    due,
    responsible,
    follow_up,
    follow_up_responsible
  };

  static std::optional<std::pair<Field, std::string>> plan_label(const std::string& text) {
    static const std::pair<std::string_view, Field> labels[] = {
        {"datum när åtgärden ska vara genomförd", Field::due},
        {"datum när åtgärden skall vara genomförd", Field::due},
        {"ansvarig för genomförandet", Field::responsible},
        {"ansvarig för uppföljningen", Field::follow_up_responsible},
        {"ansvarig för uppföljning", Field::follow_up_responsible},
        {"datum för uppföljning", Field::follow_up},
        {"planerad åtgärd", Field::action},
        {"planerade åtgärder", Field::action},
    };
    const std::string f = fold(text);
    for (const auto& [label, field] : labels) {
      if (!f.starts_with(label)) continue;
      if (f.size() > label.size() && f[label.size()] != ' ' && f[label.size()] != ':') continue;
      // The rest of the line, in the original spelling: skip as many non-space characters.
      std::size_t letters = 0;  // characters of the label, spaces left out
      for (char c : label) letters += c != ' ' && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      std::size_t i = 0;
      while (i < text.size() && letters > 0) {
        if (text[i] != ' ') --letters;
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      }
      std::string rest = trim(std::string_view(text).substr(i));
      if (!rest.empty() && rest[0] == ':') rest = trim(std::string_view(rest).substr(1));
      return std::make_pair(field, rest);
    }
    return std::nullopt;
  }

  // "D. Tjänstgöringens upplägg", maybe glued to the requirement text, maybe with the area
  // name broken over two lines: the area and the text after the name.
  std::optional<std::tuple<std::string, std::string, std::size_t>> plan_heading(
      std::size_t k) const {
    static const std::regex lead(R"(([A-H])\s*[.)]\s*(.*))");
    std::smatch m;
    if (!std::regex_match(lines_[k].text, m, lead)) return std::nullopt;
    const Area* area = book_.model().find_area(m[1].str());
    if (!area) return std::nullopt;
    const std::string name = without_hyphens(fold(area->name));
    std::string rest = m[2].str();
    std::size_t used = 1;
    // Complete a name broken over lines.
    while (without_hyphens(fold(rest)).size() < name.size() &&
           name.starts_with(without_hyphens(fold(rest))) && k + used < lines_.size() && used < 3) {
      rest += "\n" + lines_[k + used].text;
      ++used;
    }
    // Walk the raw text over the name's characters, spaces and line breaks ignored.
    std::size_t i = 0;
    std::string folded_name;
    for (char c : name)
      if (c != ' ' && c != '-') folded_name += c;
    std::size_t j = 0;
    while (i < rest.size() && j < folded_name.size()) {
      const char c = rest[i];
      if (c == ' ' || c == '\n' || c == '-') {
        ++i;
        continue;
      }
      // Compare one UTF-8 character folded.
      std::size_t len = 1;
      while (i + len < rest.size() && (static_cast<unsigned char>(rest[i + len]) & 0xC0) == 0x80)
        ++len;
      const std::string ch = fold(rest.substr(i, len));
      if (folded_name.compare(j, ch.size(), ch) != 0) return std::nullopt;
      j += ch.size();
      i += len;
    }
    if (j < folded_name.size()) return std::nullopt;
    std::string after = trim(std::string_view(rest).substr(i));
    std::replace(after.begin(), after.end(), '\n', ' ');
    return std::make_tuple(area->id, after, used);
  }

  void parse_plan(std::size_t k) {
    PrintedPlanEntry* entry = nullptr;
    Field field = Field::none;
    std::vector<std::string> requirement_lines;
    int follow_up_responsible_lines = 0;
    auto finish_requirement = [&] {
      if (!entry) return;
      std::string text;
      for (const auto& l : requirement_lines) text += (text.empty() ? "" : "\n") + l;
      entry->requirement = text;
      requirement_lines.clear();
    };
    auto field_text = [&](Field f) -> std::string* {
      switch (f) {
        case Field::action:
          return &entry->action;
        case Field::due:
          return &entry->due;
        case Field::responsible:
          return &entry->responsible;
        case Field::follow_up:
          return &entry->follow_up;
        case Field::follow_up_responsible:
          return &entry->follow_up_responsible;
        default:
          return nullptr;
      }
    };
    for (; k < lines_.size(); ++k) {
      const ReportLine& line = lines_[k];
      if (auto h = plan_heading(k)) {
        if (field == Field::requirement) finish_requirement();
        auto& [area, after, used] = *h;
        out_.plan.push_back({});
        entry = &out_.plan.back();
        entry->area = area;
        entry->line = line.number;
        field = Field::requirement;
        follow_up_responsible_lines = 0;
        if (!after.empty()) {
          requirement_lines.push_back(after);
          entry->requirement_line = line.number;
        }
        k += used - 1;
        ++out_.evidence;
        continue;
      }
      if (!entry) {
        // The plan's introduction.
        std::string f = fold(line.text);
        received(f, line.number);
        if (!out_.plan_intro.empty() && out_.plan_intro.back().text.back() != '.' &&
            out_.plan_intro.back().text.back() != ':')
          append_line(out_.plan_intro.back().text, line.text);
        else
          out_.plan_intro.push_back({line.text, line.number});
        continue;
      }
      auto label = plan_label(line.text);
      if (!label && k + 1 < lines_.size()) {
        // A label broken over two lines ("Datum när åtgärden ska vara genom-" / "förd").
        const std::string& after = lines_[k + 1].text;
        const std::string joined = line.text.ends_with("-")
                                       ? line.text.substr(0, line.text.size() - 1) + after
                                       : line.text + " " + after;
        auto two = plan_label(joined);
        if (two && two->second.size() < after.size()) {
          label = std::move(two);
          ++k;
        }
      }
      if (label) {
        auto& [next, rest] = *label;
        if (field == Field::requirement) finish_requirement();
        std::string* current = field_text(next);
        // A label printed again (around a page break) while its field is still empty.
        if (!(next == field && current && current->empty())) {
          if (current && !current->empty())
            out_.diagnostics.push_back(
                {Severity::warning, source_, line.number, 0,
                 "the label '" + trim(line.text.substr(0, line.text.size() - rest.size())) +
                     "' appears a second time in this plan entry; its texts are joined",
                 ""});
          field = next;
        }
        if (!rest.empty()) add_to(field, line, rest, field_text, follow_up_responsible_lines);
        ++out_.evidence;
        continue;
      }
      if (field == Field::requirement) {
        if (requirement_lines.empty()) entry->requirement_line = line.number;
        requirement_lines.push_back(line.text);
        continue;
      }
      add_to(field, line, line.text, field_text, follow_up_responsible_lines);
    }
    if (field == Field::requirement) finish_requirement();
  }

  template <class FieldText>
  void add_to(Field field, const ReportLine& line, const std::string& text, FieldText& field_text,
              int& follow_up_responsible_lines) {
    std::string* target = field_text(field);
    if (!target) {
      out_.unplaced.push_back({line.number, line.text});
      return;
    }
    if (field == Field::follow_up_responsible) {
      // A responsible is a role or two; more lines after it belong to no field.
      if (++follow_up_responsible_lines > 2) {
        out_.unplaced.push_back({line.number, line.text});
        return;
      }
    }
    if (field == Field::responsible && target->empty())
      out_.plan.back().responsible_line = line.number;
    if (field == Field::follow_up_responsible && target->empty())
      out_.plan.back().follow_up_responsible_line = line.number;
    if (target->empty())
      *target = text;
    else
      *target += " " + text;
  }

  const RuleBook& book_;
  std::string source_;
  std::vector<Known> known_;
  std::vector<ReportLine> lines_;
  ParsedReport out_;
  bool in_areas_ = false;
  bool bullets_ = false;
  std::string area_;
  std::vector<ReportLine> run_;
  std::vector<NarrativeBlock> blocks_;
  std::vector<LayoutMark> marks_;
  bool narrative_read_ = false;
  std::vector<TextTable> tables_;
  std::string letter_;
  std::string bullet_;
  int bullet_start_ = 0;
  BulletKind summary_kind_ = BulletKind::strength;
  bool summary_interleaved_ = false;        // each summary heading above its own bullets
  int lone_year_ = 0, lone_year_line_ = 0;  // a grade column's year alone on its line
};

}  // namespace

ParsedReport parse_report(const RuleBook& book, const std::vector<std::string>& lines,
                          const std::string& source) {
  return Parser(book, lines, source).run();
}

}  // namespace spur::detail
