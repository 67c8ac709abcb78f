#pragma once
// The words a report adds around the rule texts, in Swedish or English; shared by the writers.

#include <string>
#include <string_view>
#include <vector>

#include "spur/report.hpp"

namespace spur::wording {

/// One label in both languages.
struct Label {
  std::string_view sv;
  std::string_view en;
  std::string_view operator()(Language l) const { return l == Language::sv ? sv : en; }
};

namespace label {
inline constexpr Label report{"SPUR-rapport", "SPUR report"};
inline constexpr Label summary_report{"SPUR-sammanställning", "SPUR summary"};
inline constexpr Label unit{"Enhet", "Unit"};
inline constexpr Label specialty{"Specialitet", "Specialty"};
inline constexpr Label inspection_date{"Inspektionsdatum", "Inspection date"};
inline constexpr Label not_given{"anges inte", "not given"};
inline constexpr Label regulations{"Föreskrifter", "Regulations"};
inline constexpr Label rule_book{"Regelbok", "Rule book"};
inline constexpr Label digest{"Kontrollsumma (SHA-256)", "Digest (SHA-256)"};
inline constexpr Label as_of{"Handlingsplanen följd upp per", "Action plan followed up on"};
inline constexpr Label summary{"Sammanfattning", "Summary"};
inline constexpr Label area{"Område", "Area"};
inline constexpr Label combined{"Samlad", "Combined"};
inline constexpr Label grade{"Gradering", "Grade"};
inline constexpr Label scale{"Skala", "Scale"};
inline constexpr Label requirement{"Krav", "Requirement"};
inline constexpr Label status{"Bedömning", "Status"};
inline constexpr Label note{"Anteckning", "Note"};
inline constexpr Label action_required{"Åtgärd krävs", "Action required"};
inline constexpr Label action_recommended{"Åtgärd rekommenderas", "Action recommended"};
inline constexpr Label explanation{"Förklaring av graderingen", "Why this grade"};
inline constexpr Label plan{"Handlingsplan", "Action plan"};
inline constexpr Label no_plan{"Ingen handlingsplan har kommit in.", "No action plan has come in."};
inline constexpr Label plan_required{"Handlingsplan krävs", "Action plan required"};
inline constexpr Label yes{"ja", "yes"};
inline constexpr Label no{"nej", "no"};
inline constexpr Label possibly{"kanske (D är fortfarande möjligt)",
                                "possibly (D is still possible)"};
inline constexpr Label plan_due{"Handlingsplanen skulle komma in senast", "The plan was due by"};
inline constexpr Label plan_received{"inkommen", "received"};
inline constexpr Label plan_in_time{"i tid", "in time"};
inline constexpr Label plan_late{"för sent", "late"};
inline constexpr Label planned_action{"Planerad åtgärd", "Planned action"};
inline constexpr Label responsible{"Ansvarig", "Responsible"};
inline constexpr Label due{"Genomförd senast", "Due"};
inline constexpr Label follow_up{"Uppföljning", "Follow-up"};
inline constexpr Label next_follow_up{"Nästa uppföljning", "Next follow-up"};
inline constexpr Label follow_up_responsible{"Ansvarig för uppföljning", "Follow-up by"};
inline constexpr Label received{"Inkommen", "Received"};
inline constexpr Label received_on{"Inkommen den", "Received on"};
inline constexpr Label done{"Klar den", "Done on"};
inline constexpr Label state{"Läge", "State"};
inline constexpr Label inspection{"Inspektion", "Inspection"};
inline constexpr Label overdue_plans{"Försenade åtgärder", "Overdue actions"};
inline constexpr Label required_per_area{"Åtgärder som krävs per område",
                                         "Required actions per area"};
inline constexpr Label heat_map{"Graderingar per enhet och område", "Grades by unit and area"};
inline constexpr Label total{"Summa", "Total"};
inline constexpr Label inspections{"inspektioner", "inspections"};
inline constexpr Label legend{"Teckenförklaring", "Legend"};
inline constexpr Label legend_adjusted{
    "D→C: handlingsplan inkommen, graderingen justerad till C; D→C?: justeringen är preliminär, "
    "ej bedömda föreskrifter utan åtgärd i planen kan göra det till D igen",
    "D→C: action plan received, grade adjusted to C; D→C?: the adjustment is provisional, "
    "provisions not assessed and not in the plan could make it D again"};
inline constexpr Label legend_provisional{
    "A/B?: preliminär, graderingarna som fortfarande är möjliga medan krav är ej bedömda",
    "A/B?: provisional, the grades still possible while requirements are not assessed"};
inline constexpr Label legend_override{"*: graderingen satt av granskarna",
                                       "*: grade set by the inspectors"};
inline constexpr Label provisional{"preliminär", "provisional"};
inline constexpr Label implied_by{"räknas som ej uppfyllt eftersom", "counted as not met because"};
inline constexpr Label is_not_met{"inte är uppfyllt", "is not met"};
inline constexpr Label default_status{"standardstatus", "default status"};
inline constexpr Label marks_legend{
    "X: graderingen, ?: fortfarande möjlig, →: justerad till efter handlingsplan",
    "X: the grade, ?: still possible, →: adjusted to after the action plan"};
inline constexpr Label warnings{"Varningar", "Warnings"};
inline constexpr Label page{"Sida", "Page"};
inline constexpr Label of{"av", "of"};
inline constexpr Label made_by{"Skapad av spur", "Made by spur"};
inline constexpr Label category{"Kategori", "Category"};
inline constexpr Label kind{"Typ", "Kind"};
inline constexpr Label implied{"Härlett", "Implied"};
inline constexpr Label regulation{"Föreskrift (förf.)", "Regulation"};
inline constexpr Label area_name{"Områdesnamn", "Area name"};
inline constexpr Label possible{"Möjliga graderingar", "Possible grades"};
inline constexpr Label adjusted{"Justerad", "Adjusted"};
inline constexpr Label overridden{"Satt av granskarna", "Overridden"};
inline constexpr Label due_from{"Förfaller från", "Due from"};
inline constexpr Label due_to{"Förfaller till", "Due until"};
inline constexpr Label text{"Text", "Text"};
inline constexpr Label improvement{"Förbättringsområde", "Improvement"};
}  // namespace label

std::string_view kind_heading(Kind kind, Language language);  // "Föreskrifter"
std::string_view kind_name(Kind kind, Language language);     // "föreskrift"
std::string_view status_name(Status status, Language language);
std::string_view state_name(PlanState state, Language language);
/// "2025-03-15" or "–" when there is none.
std::string date_text(const std::optional<Date>& date);
/// "2025-03-01 – 2025-03-31", one date when start and end are equal, "–" for none.
std::string interval_text(const std::optional<Date>& start, const std::optional<Date>& end);
/// For an implied status: "räknas som ej uppfyllt eftersom D1 inte är uppfyllt"; else empty.
std::string implied_text(const ReportRequirement::Cell& cell, Language language);
/// How a requirement's status reads in a report: "ej uppfyllt (räknas som ej uppfyllt
/// eftersom D1 inte är uppfyllt)".
std::string status_text(const ReportRequirement::Cell& cell, Language language);
/// The regulation's short name ("SOSFS 2015:8") from its id ("sosfs-2015-8").
std::string regulation_short(std::string_view id);
/// What an action's line adds in parentheses: "delvis uppfyllt", "härlett", and with
/// `several` regulations the ones where it is unmet ("SOSFS 2015:8, HSLF-FS 2021:8").
std::vector<std::string> action_qualifiers(const ReportAction& action, Language language,
                                           bool several);
/// The year a regulation is known by, as the reports head their columns ("2015").
std::string regulation_year(std::string_view id);

}  // namespace spur::wording
