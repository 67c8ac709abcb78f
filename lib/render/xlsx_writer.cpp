// The grades, actions and action plans as an Excel workbook ready to send: one sheet per
// table, headers in the report's language, widths set, header row frozen, filters on, dates as
// dates, grade cells coloured as in the report. Written with libxlsxwriter.

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "render/labels.hpp"
#include "spur/error.hpp"
#include "spur/report.hpp"

namespace spur {

namespace {

namespace label = wording::label;

struct Column {
  std::string header;
  double width;
};

lxw_datetime excel_date(const Date& d) {
  return {d.year, d.month, d.day, 0, 0, 0};
}

class XlsxWriter {
 public:
  XlsxWriter(const Report& r, const std::string& path) : r_(r), l_(r.options.language) {
    wb_ = workbook_new(path.c_str());
    if (!wb_) throw FileError("could not create a workbook", path);
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xF0F2F4);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    date_ = workbook_add_format(wb_);
    format_set_num_format(date_, "yyyy-mm-dd");
    format_set_align(date_, LXW_ALIGN_LEFT);
    format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    const unsigned fills[4] = {0xE3F4E6, 0xB5DCBF, 0xE9A23B, 0xA8231A};
    for (int g = 0; g < 4; ++g) {
      grade_[g] = workbook_add_format(wb_);
      format_set_bold(grade_[g]);
      format_set_align(grade_[g], LXW_ALIGN_CENTER);
      format_set_bg_color(grade_[g], fills[g]);
      format_set_pattern(grade_[g], LXW_PATTERN_SOLID);
      if (g == 3) format_set_font_color(grade_[g], LXW_COLOR_WHITE);
    }
  }

  void write() {
    grades();
    actions();
    plan();
    const lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR)
      throw Error(std::string("could not write the workbook: ") + lxw_strerror(err));
  }

  ~XlsxWriter() {
    if (wb_) workbook_close(wb_);
  }

 private:
  lxw_worksheet* sheet(std::string_view name, const std::vector<Column>& columns) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, std::string(name).c_str());
    for (lxw_col_t c = 0; c < columns.size(); ++c) {
      worksheet_write_string(ws, 0, c, columns[c].header.c_str(), header_);
      worksheet_set_column(ws, c, c, columns[c].width, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
  }
  void filter(lxw_worksheet* ws, lxw_row_t rows, std::size_t columns) {
    worksheet_autofilter(ws, 0, 0, rows, static_cast<lxw_col_t>(columns - 1));
  }
  void put(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s,
           lxw_format* f = nullptr) {
    if (!s.empty()) worksheet_write_string(ws, r, c, s.c_str(), f);
  }
  void put(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<Date>& d) {
    if (!d) return;
    if (d->year < 1900 || d->year > 9999) {  // beyond Excel's calendar: the date as text
      put(ws, r, c, d->iso());
      return;
    }
    lxw_datetime x = excel_date(*d);
    worksheet_write_datetime(ws, r, c, &x, date_);
  }
  void put(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, bool b) {
    worksheet_write_boolean(ws, r, c, b, nullptr);
  }
  static std::string name(const InspectionReport& i) { return i.id.empty() ? i.file : i.id; }
  std::string h(const wording::Label& x) const { return std::string(x(l_)); }

  void grades() {
    const std::vector<Column> cols{{h(label::inspection), 28},  {h(label::unit), 36},
                                   {h(label::regulation), 16},  {h(label::area), 8},
                                   {h(label::area_name), 44},   {h(label::grade), 11},
                                   {h(label::possible), 12},    {h(label::adjusted), 10},
                                   {h(label::provisional), 11}, {h(label::overridden), 12}};
    lxw_worksheet* ws = sheet(l_ == Language::sv ? "Graderingar" : "grades", cols);
    lxw_row_t row = 0;
    for (const auto& i : r_.inspections)
      for (std::size_t k = 0; k < i.regulations.size(); ++k)
        for (const auto& a : i.areas) {
          const GradeCell& g = a.grades[k];
          ++row;
          put(ws, row, 0, name(i));
          put(ws, row, 1, i.unit);
          put(ws, row, 2, wording::regulation_short(i.regulations[k]));
          put(ws, row, 3, a.id);
          put(ws, row, 4, a.name);
          put(ws, row, 5, g.text(), grade_[static_cast<int>(g.shade())]);
          std::string possible;
          for (Grade x : g.possible.grades())
            possible += (possible.empty() ? "" : "/") + std::string(to_string(x));
          put(ws, row, 6, possible);
          if (g.adjusted) put(ws, row, 7, std::string(to_string(*g.adjusted)));
          put(ws, row, 8, g.provisional());
          put(ws, row, 9, g.overridden);
        }
    filter(ws, row, cols.size());
  }

  void actions() {
    const std::vector<Column> cols{{h(label::inspection), 28},  {h(label::unit), 36},
                                   {h(label::category), 22},    {h(label::requirement), 8},
                                   {h(label::area), 8},         {h(label::kind), 18},
                                   {h(label::status), 16},      {h(label::implied), 9},
                                   {h(label::regulations), 26}, {h(label::text), 80}};
    lxw_worksheet* ws = sheet(l_ == Language::sv ? "Åtgärder" : "actions", cols);
    lxw_row_t row = 0;
    for (const auto& i : r_.inspections) {
      auto write = [&](const std::vector<ReportAction>& list, const wording::Label& category) {
        for (const auto& x : list) {
          ++row;
          put(ws, row, 0, name(i));
          put(ws, row, 1, i.unit);
          put(ws, row, 2, h(category));
          put(ws, row, 3, x.requirement);
          put(ws, row, 4, std::string(1, x.requirement.empty() ? ' ' : x.requirement[0]));
          put(ws, row, 5, std::string(wording::kind_name(x.kind, l_)));
          put(ws, row, 6, std::string(wording::status_name(x.status, l_)));
          put(ws, row, 7, x.implied);
          std::string regs;
          for (const auto& r : x.regulations)
            regs += (regs.empty() ? "" : ", ") + wording::regulation_short(r);
          put(ws, row, 8, regs);
          put(ws, row, 9, x.text, wrap_);
        }
      };
      for (const auto& a : i.areas) write(a.required, label::action_required);
      for (const auto& a : i.areas) write(a.recommended, label::action_recommended);
      for (const auto& a : i.areas) write(a.improvements, label::improvement);
    }
    filter(ws, row, cols.size());
  }

  void plan() {
    const std::vector<Column> cols{{h(label::inspection), 28},
                                   {h(label::unit), 36},
                                   {h(label::requirement), 8},
                                   {h(label::area), 8},
                                   {h(label::text), 50},
                                   {h(label::planned_action), 60},
                                   {h(label::responsible), 18},
                                   {h(label::due), 20},
                                   {h(label::due_from), 12},
                                   {h(label::due_to), 12},
                                   {h(label::follow_up), 30},
                                   {h(label::next_follow_up), 14},
                                   {h(label::follow_up_responsible), 20},
                                   {h(label::received), 10},
                                   {h(label::received_on), 12},
                                   {h(label::done), 12},
                                   {h(label::state), 11}};
    lxw_worksheet* ws = sheet(l_ == Language::sv ? "Handlingsplan" : "plan", cols);
    lxw_row_t row = 0;
    for (const auto& i : r_.inspections)
      for (const auto& x : i.plan.items) {
        ++row;
        put(ws, row, 0, name(i));
        put(ws, row, 1, i.unit);
        put(ws, row, 2, x.requirement);
        put(ws, row, 3, x.area);
        put(ws, row, 4, x.requirement_text, wrap_);
        put(ws, row, 5, x.action, wrap_);
        put(ws, row, 6, x.responsible);
        put(ws, row, 7, x.due);
        put(ws, row, 8, x.due_start);
        put(ws, row, 9, x.due_end);
        put(ws, row, 10, x.follow_up);
        put(ws, row, 11, x.next_follow_up);
        put(ws, row, 12, x.follow_up_responsible);
        put(ws, row, 13, x.received);
        put(ws, row, 14, x.received_on);
        put(ws, row, 15, x.done);
        const int shade = x.state == PlanState::overdue ? 3
                          : x.state == PlanState::due   ? 2
                          : x.state == PlanState::done  ? 0
                                                        : -1;
        put(ws, row, 16, std::string(wording::state_name(x.state, l_)),
            shade < 0 ? nullptr : grade_[shade]);
      }
    filter(ws, row, cols.size());
  }

  const Report& r_;
  Language l_;
  lxw_workbook* wb_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* grade_[4] = {};
};

}  // namespace

std::string to_xlsx(const Report& report) {
  // libxlsxwriter writes to a file: a private temporary one, read back and removed.
  std::string name = (std::filesystem::temp_directory_path() / "spur-xlsx-XXXXXX").string();
  const int fd = mkstemp(name.data());
  if (fd < 0) throw FileError("could not create a temporary file for the workbook", name);
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{name};
  XlsxWriter(report, name).write();
  std::ifstream in(name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace spur
