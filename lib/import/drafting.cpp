// Drafting findings (see drafting.hpp). A finding's note quotes the report: the sentences of
// the area's text that speak most of the requirement (content words weighted by rarity), the
// weaknesses and improvement points that do, and a marker saying it is a draft. Its status
// comes from the wording of those sentences (status_words.hpp); when the words disagree or say
// nothing, and when not_met would imply dependents (a prerequisite), the draft says
// partially_met and warns. An "Åtgärder krävs." that names no provision drafts the provisions
// the area's critical sentences speak of, each to be confirmed.

#include "import/drafting.hpp"

#include <algorithm>
#include <map>

#include "import/requirement_match.hpp"
#include "import/status_words.hpp"
#include "import/text_match.hpp"

namespace spur::detail {
namespace {

std::string quoted_list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + ("\"" + trim(w) + "\"");
  return out;
}

// The text without the set phrases every area's text may use: what it is about.
std::string topic_words(const std::string& text) {
  std::string out;
  for (const auto& w : content_words(text))
    if (!is_set_phrase_word(w)) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

}  // namespace

std::vector<DraftFinding> draft_findings(const RuleBook& book, const ParsedReport& report,
                                         const std::vector<PlacedPlanEntry>& plan,
                                         const std::vector<std::string>& regulations,
                                         const std::string& source,
                                         std::vector<Diagnostic>& diagnostics) {
  const TopicScorer scorer(book);
  // What a text says of a requirement, its set phrases left out.
  auto topic = [&](const Requirement& q, const std::string& text) {
    return scorer.score(q, topic_words(text));
  };
  auto gain = [&](const Requirement& q, const TopicScorer::Score& base, const std::string& text) {
    return scorer.gain(q, base, topic_words(text));
  };
  auto warn = [&](int line, std::string message, const std::string& id = {}) {
    diagnostics.push_back({Severity::warning, source, line, 0, std::move(message), id});
  };

  // Which requirements, in report order of first mention, and the lines that name them.
  struct Named {
    const Requirement* requirement;
    int line;
    bool in_plan;
    std::vector<std::string> required_sentences;  // "Åtgärd krävs" sentences
  };
  std::vector<Named> named;
  auto add = [&](const Requirement* q, int line, bool in_plan) -> Named& {
    for (auto& n : named)
      if (n.requirement->id == q->id) {
        n.in_plan = n.in_plan || in_plan;
        return n;
      }
    named.push_back({q, line, in_plan, {}});
    return named.back();
  };
  for (const auto& p : plan)
    if (p.requirement) add(p.requirement, p.printed->line, true);

  // "Åtgärd krävs": the provision of the area the sentence (or the one before it) speaks of.
  auto provisions_of = [&](const std::string& area) {
    std::vector<const Requirement*> out;
    for (const auto& reg_id : regulations)
      if (const Regulation* reg = book.find_regulation(reg_id))
        for (const auto& q : reg->requirements)
          if (q.area == area && q.kind == Kind::provision &&
              std::none_of(out.begin(), out.end(), [&](auto* o) { return o->id == q.id; }))
            out.push_back(&q);
    return out;
  };
  struct Best {
    const Requirement* best = nullptr;
    const Requirement* second = nullptr;
    double score = 0, second_score = 0;
  };
  auto closest_provision = [&](const std::string& area, const std::string& text) {
    Best b;
    for (const Requirement* q : provisions_of(area)) {
      const auto sc = topic(*q, text);
      if (sc.words < 2) continue;
      if (sc.value > b.score) {
        b.second = b.best, b.second_score = b.score;
        b.best = q, b.score = sc.value;
      } else if (sc.value > b.second_score) {
        b.second = q, b.second_score = sc.value;
      }
    }
    return b;
  };
  for (const auto& [area, s] : report.actions_required) {
    std::vector<std::string> said{s.text};  // the sentence, and the one before a short one
    const std::vector<Sentence>* sentences = nullptr;
    for (const auto& a : report.narrative)
      if (a.area == area) sentences = &a.sentences;
    if (content_words(topic_words(s.text)).size() < 3 && sentences)
      for (std::size_t i = 1; i < sentences->size(); ++i)
        if ((*sentences)[i].line == s.line && (*sentences)[i].text == s.text)
          said.insert(said.begin(), (*sentences)[i - 1].text);
    const Best b = closest_provision(area, join(said, " "));
    if (b.best && b.score >= 3.0) {
      if (b.second && b.second_score >= 0.85 * b.score)
        warn(s.line,
             "\"" + s.text + "\" could concern " + b.best->id + " or " + b.second->id +
                 "; drafted " + b.best->id + ", check which",
             b.best->id);
      auto& required = add(b.best, s.line, false).required_sentences;
      required.insert(required.end(), said.begin(), said.end());
      continue;
    }
    // The sentence names no provision ("Under granskningen påvisades brister ... Åtgärder
    // krävs."): the provisions the area's critical sentences speak of are the draft's guess.
    std::vector<std::string> guessed;
    if (sentences)
      for (std::size_t i = 0; i < sentences->size(); ++i) {
        const Sentence& c = (*sentences)[i];
        if (c.line == s.line || !read_wording({c.text}).status) continue;
        Best cb = closest_provision(area, c.text);
        // Two provisions alike: the sentence before may say which ("... undervisning.
        // Bedömning och återkoppling av pedagogisk kompetens sker sporadiskt.").
        if (cb.second && cb.second_score >= 0.85 * cb.score && i > 0)
          cb = closest_provision(area, (*sentences)[i - 1].text + " " + c.text);
        if (!cb.best || cb.score < 3.0) continue;
        Named& n = add(cb.best, c.line, false);
        if (std::find(n.required_sentences.begin(), n.required_sentences.end(), c.text) ==
            n.required_sentences.end())
          n.required_sentences.push_back(c.text);
        const std::string id = cb.best->id + " (line " + std::to_string(c.line) + ")";
        if (std::find(guessed.begin(), guessed.end(), id) == guessed.end()) guessed.push_back(id);
      }
    if (guessed.empty())
      warn(s.line, "\"" + s.text + "\" requires action but names no föreskrift of area " + area +
                       ", and no sentence of the area criticises one clearly; add the finding "
                       "by hand");
    else
      warn(s.line, "\"" + s.text + "\" requires action but names no föreskrift of area " + area +
                       "; drafted the ones the area's text criticises: " + join(guessed, ", ") +
                       "; confirm each, delete the wrong ones");
  }

  std::vector<DraftFinding> out;
  for (const auto& n : named) {
    const Requirement& q = *n.requirement;
    std::vector<std::string> quoted;
    // The area's sentences that speak most of the requirement.
    for (const auto& a : report.narrative) {
      if (a.area != q.area) continue;
      const auto& ss = a.sentences;
      std::size_t best = ss.size();
      TopicScorer::Score best_score;
      for (std::size_t i = 0; i < ss.size(); ++i) {
        auto sc = topic(q, ss[i].text);
        if (sc.value > best_score.value) best = i, best_score = sc;
      }
      if (best == ss.size() || best_score.words < 2 || best_score.value < 3.0) break;
      std::vector<std::string> chosen;
      if (best > 0) {
        const auto prev = topic(q, ss[best - 1].text);
        if (prev.value >= 0.6 * best_score.value && gain(q, best_score, ss[best - 1].text) > 0.5)
          chosen.push_back(ss[best - 1].text);
      }
      chosen.push_back(ss[best].text);
      if (best + 1 < ss.size() && gain(q, best_score, ss[best + 1].text) >= 1.0)
        chosen.push_back(ss[best + 1].text);
      quoted = chosen;
      break;
    }
    for (const auto& s : n.required_sentences)
      if (std::find(quoted.begin(), quoted.end(), s) == quoted.end()) quoted.push_back(s);
    std::vector<std::string> wording = quoted;
    double best_bullet = 0;
    for (const auto& b : report.bullets)
      if (b.kind != BulletKind::strength)
        best_bullet = std::max(best_bullet, topic(q, b.text).value);
    for (const auto& b : report.bullets) {
      if (b.kind == BulletKind::strength) continue;
      const auto sc = topic(q, b.text);
      if (sc.words < 2 || sc.value < 3.0 || sc.value < 0.6 * best_bullet) continue;
      if (b.kind == BulletKind::weakness) {
        quoted.push_back("Svaghet: " + b.text);
        wording.push_back(b.text);
      } else {
        quoted.push_back("Förbättringspotential: " + b.text);
      }
    }

    DraftFinding f;
    f.requirement = q.id;
    f.area = q.area;
    f.line = n.line;
    f.in_plan = n.in_plan;
    const Wording w = read_wording(wording);
    std::vector<std::string> dependents;
    for (const auto& reg : regulations)
      if (const Regulation* r = book.find_regulation(reg); r && r->find(q.id))  // G5: 2015 only
        for (auto& d : book.dependents(reg, q.id))
          if (std::find(dependents.begin(), dependents.end(), d) == dependents.end())
            dependents.push_back(d);
    if (!w.status) {
      f.status = Status::partially_met;
      f.decided = "inga ord avgör; delvis uppfyllt som försiktigt val";
      warn(n.line,
           quoted.empty() ? q.id +
                                ": the report's text says nothing more of it; drafted "
                                "partially_met, confirm"
                          : q.id +
                                ": no words decide between not_met and partially_met; "
                                "drafted partially_met, confirm",
           q.id);
    } else if (*w.status == Status::partially_met) {
      f.status = Status::partially_met;
      f.decided = "delvis uppfyllt efter " + quoted_list(w.partial_words) +
                  (w.absent_words.empty() ? "" : " (mot " + quoted_list(w.absent_words) + ")");
      if (!w.absent_words.empty())
        warn(n.line,
             q.id + ": the wording points both ways (" + quoted_list(w.partial_words) +
                 " against " + quoted_list(w.absent_words) + "); drafted partially_met, confirm",
             q.id);
    } else if (!dependents.empty()) {
      f.status = Status::partially_met;
      f.decided = "ordet " + quoted_list(w.absent_words) + " talar för ej uppfyllt, men " + q.id +
                  " är förutsättning för " + join(dependents, ", ") +
                  "; delvis uppfyllt tills det bekräftas";
      warn(n.line,
           q.id + " reads as not_met (" + quoted_list(w.absent_words) +
               ") but is a prerequisite of " + join(dependents, ", ") +
               ": not_met would make them unmet too; drafted partially_met, confirm",
           q.id);
    } else {
      f.status = Status::not_met;
      f.decided = "ej uppfyllt efter " + quoted_list(w.absent_words);
    }
    std::string note = "UTKAST, bekräfta mot rapporten (" + f.decided + ").";
    if (!quoted.empty()) note += " " + join(quoted, " ");
    if (n.in_plan) note += " (Med i handlingsplanen.)";
    f.note = std::move(note);
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [&](const DraftFinding& a, const DraftFinding& b) {
    const auto& ids = book.requirement_ids();
    return std::find(ids.begin(), ids.end(), a.requirement) <
           std::find(ids.begin(), ids.end(), b.requirement);
  });
  return out;
}

}  // namespace spur::detail
