// spur serve: the pages. Every text from a file or the rule book is put into the page with
// textContent (el() below), never as HTML, so a note holding <script> is shown, never run.
"use strict";

const TOKEN = document.querySelector('meta[name="spur-token"]').content;
const STATUSES = [
  ["met", "uppfyllt"], ["partially_met", "delvis uppfyllt"], ["not_met", "ej uppfyllt"],
  ["not_applicable", "ej tillämpligt"], ["not_assessed", "ej bedömt"]];
const STATUS_LABEL = Object.fromEntries(STATUSES);
const RECURRENCE = { yearly: "därefter årligen", semiannual: "därefter varje halvår" };
const CHANGED_ON_DISK = "Filen har ändrats på disken sedan du öppnade sidan (någon annan har " +
  "sparat den, eller den har ändrats i ett annat program). Ladda om sidan för att se filen som " +
  "den är nu, och gör sedan dina ändringar igen.";
const KIND_LABEL = { provision: "föreskrift", advice: "allmänt råd", indicator: "kvalitetsindikator" };

// el("tag.class", {attr: value}, child, ...): children are nodes or text (never HTML).
function el(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split(".");
  const node = document.createElement(tag || "div");
  if (classes.length) node.className = classes.join(" ");
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "value") node.value = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(method, url, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.headers["X-Spur-Token"] = TOKEN;
    options.body = JSON.stringify(body);
  }
  const res = await fetch(url, options);
  let data;
  try { data = await res.json(); } catch (e) { data = { error: res.statusText }; }
  if (!res.ok) { const err = new Error(data.error || res.statusText); err.status = res.status; throw err; }
  return data;
}

function gradeBadge(grade, possible, title) {
  if (grade) return el("span.grade.g-" + grade, { title: title || "betyg " + grade }, grade);
  return el("span.grade.provisional", { title: "preliminärt: möjliga betyg " + (possible || "-") },
            possible || "–");
}

function banner(kind, text) { return el("div.banner." + kind, { role: "alert" }, text); }

// ---------- the list of inspections ----------

async function showList(main) {
  const data = await api("GET", "/api/inspections");
  const areas = data.areas;
  main.replaceChildren(
    el("h1", {}, "Inspektioner"),
    el("p.meta", {}, "Mappen ", el("code", {}, data.folder), " · ",
       data.inspections.length + " inspektionsfiler"));
  const head = el("tr", {}, el("th", {}, "Enhet"), el("th", {}, "Datum"), el("th", {}, "Föreskrifter"),
                  areas.map(a => el("th.heat", { title: a.name }, a.area)), el("th", {}, "Handlingsplan"));
  const rows = data.inspections.map(i => {
    const link = el("a", { href: "/inspection?file=" + encodeURIComponent(i.file) }, i.unit || i.file);
    if (i.error)
      return el("tr", {}, el("td", {}, link, el("div.muted", {}, i.file)),
                el("td", { colspan: areas.length + 3 }, banner("error", i.error)));
    let plan = "ingen krävs";
    if (i.plan.required === null) plan = "kanske (preliminärt)";
    else if (i.plan.required) plan = i.plan.entries ? (i.plan.received + " av " + i.plan.entries + " inkomna") : "krävs, saknas";
    return el("tr", {}, el("td", {}, link, el("div.muted", {}, i.file)), el("td", {}, i.date || "–"),
              el("td", {}, i.regulations.join(", ")),
              areas.map(a => {
                const g = i.grades[a.area] || "";
                const letter = g.length === 1 ? g : (g.includes("→") ? g[0] : null);
                return el("td.heat", {}, gradeBadge(letter, g, a.area + ". " + a.name + ": " + g),
                          g.includes("→") ? el("div.muted", {}, "→ " + g.split("→")[1]) : null);
              }),
              el("td", {}, plan));
  });
  main.append(el("table", {}, el("thead", {}, head), el("tbody", {}, rows)));
  if (!data.inspections.length) main.append(el("p.muted", {}, "Inga inspektionsfiler (.yaml) i mappen ännu."));
  main.append(await newInspectionForm());
  main.append(importForm());
}

// A published report's text (copied from its PDF) drafted into a new inspection file, as
// `spur import` does; the draft opens for review.
function importForm() {
  const msg = el("div");
  const form = el("form.new", { id: "import-report" },
    el("label", {}, "Filnamn", el("input", { name: "file", placeholder: "rapport-2024.yaml", required: true })),
    el("label", {}, "Rapportens text", el("textarea", { name: "text", rows: 6, required: true })),
    el("div", {}, el("button", { type: "submit" }, "Importera rapport")));
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const f = new FormData(form);
    try {
      const r = await api("POST", "/api/import", { file: f.get("file"), text: f.get("text") });
      location.href = "/inspection?file=" + encodeURIComponent(r.file);
    } catch (e) { msg.replaceChildren(banner("error", e.message)); }
  });
  return el("div", { id: "import-slot" }, el("h2", {}, "Importera en SPUR-rapport"),
            el("p.muted", {}, "Ett utkast att granska: fynden ur handlingsplanen och \"Åtgärd krävs\", planen som den är skriven."),
            form, msg);
}

async function newInspectionForm() {
  const rules = await api("GET", "/api/rules");
  const msg = el("div");
  const field = (label, name, attrs) => el("label", {}, label, el("input", Object.assign({ name }, attrs || {})));
  const regs = rules.regulations.map((r, i) =>
    el("label", {}, el("span", {}, el("input", { type: "checkbox", name: "regulation", value: r.regulation,
                                                  checked: i === rules.regulations.length - 1 }),
                    " " + r.regulation)));
  const form = el("form.new", { id: "new-inspection" },
    field("Filnamn", "file", { placeholder: "kirurgi-lund-2025.yaml", required: true }),
    field("Enhet", "unit", { required: true }), field("Specialitet", "specialty"),
    field("Datum (ÅÅÅÅ-MM-DD)", "date", { placeholder: "2025-03-14" }),
    el("div", {}, el("div.muted", {}, "Föreskrifter"), regs),
    el("div", {}, el("button", { type: "submit" }, "Skapa inspektion")));
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const f = new FormData(form);
    try {
      const r = await api("POST", "/api/new", {
        file: f.get("file"), unit: f.get("unit"), specialty: f.get("specialty"), date: f.get("date"),
        regulations: f.getAll("regulation") });
      location.href = "/inspection?file=" + encodeURIComponent(r.file);
    } catch (e) { msg.replaceChildren(banner("error", e.message)); }
  });
  return el("div", {}, el("h2", {}, "Ny inspektion"), form, msg);
}

// ---------- one inspection ----------

const state = { file: null, version: null, edits: {}, plan: {}, seq: 0, shown: 0, data: null };

async function showInspection(main) {
  const file = new URLSearchParams(location.search).get("file") || "";
  let data;
  try { data = await api("GET", "/api/inspection?file=" + encodeURIComponent(file)); }
  catch (e) { main.replaceChildren(el("h1", {}, "Inspektion"), banner("error", e.message)); return; }
  Object.assign(state, { file, version: data.version, edits: {}, plan: {}, data });
  const insp = data.inspection;
  document.title = (insp.unit || file) + " · spur";
  const saveState = el("span.state", { id: "save-state" }, "Inga osparade ändringar");
  const saveButton = el("button", { id: "save", disabled: true, onclick: save }, "Spara");
  main.replaceChildren(
    el("h1", {}, insp.unit || insp.id || file),
    el("div.meta", {}, [insp.specialty, insp.date ? "inspekterad " + insp.date : "datum saknas",
                        "bedömd enligt " + insp.regulations.join(" och "), file].filter(Boolean).join(" · ")),
    el("div.toolbar", {}, saveButton, saveState,
       // The report of the file as saved (`spur report`), as HTML or PDF.
       el("span", { id: "report-slot" },
          el("a", { href: "/report?file=" + encodeURIComponent(file), target: "_blank", rel: "noopener" }, "Rapport (HTML)"),
          " · ",
          el("a", { href: "/report?file=" + encodeURIComponent(file) + "&format=pdf", target: "_blank", rel: "noopener" }, "PDF"))),
    el("div", { id: "messages" }),
    el("nav.summary", { id: "summary", "aria-label": "Betyg per område" }));
  const byArea = {};
  for (const r of data.requirements) (byArea[r.area] = byArea[r.area] || []).push(r);
  for (const a of data.evaluation.areas) {
    const rows = (byArea[a.area] || []).map(r => requirementRow(r, insp.default_status));
    main.append(el("section.area", { id: "area-" + a.area },
      el("h2", {}, el("span", {}, a.area + ". " + a.name), el("span", { id: "grade-" + a.area }),
         el("span.by", { id: "by-" + a.area })),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Krav"), el("th", {}, "Text"),
                                         el("th", {}, "Bedömning"), el("th", {}, "Anteckning"))),
         el("tbody", {}, rows)),
      el("details.why", {}, el("summary", {}, "Varför detta betyg?"),
         el("pre.explanation", { id: "why-" + a.area }))));
  }
  main.append(planSection(data.action_plan, data.evaluation.action_plan));
  render(data.evaluation);
  window.addEventListener("beforeunload", e => { if (dirty()) { e.preventDefault(); e.returnValue = ""; } });
}

function requirementRow(r, defaultStatus) {
  const current = r.status || defaultStatus;
  const select = el("select.status.s-" + current, { id: "status-" + r.id, "aria-label": "Bedömning av " + r.id },
    STATUSES.map(([v, label]) => el("option", { value: v, selected: v === current }, label)));
  const note = el("textarea", { id: "note-" + r.id, rows: 2, "aria-label": "Anteckning till " + r.id,
                                placeholder: "Anteckning" });
  note.value = r.note || "";
  note.rows = Math.min(6, Math.max(2, Math.ceil(note.value.length / 48)));
  const row = el("tr", { id: "req-" + r.id },
    el("td.id", {}, r.id),
    el("td.text", {}, r.text, " ", el("span.kind." + r.kind, {}, KIND_LABEL[r.kind] || r.kind),
       r.prerequisites.length ? el("div.muted", {}, "förutsätter " + r.prerequisites.join(", ")) : null,
       el("div.implied", { id: "implied-" + r.id, hidden: true })),
    el("td.pick", {}, select), el("td", {}, note));
  const edit = () => {
    state.edits[r.id] = { status: select.value, note: note.value };
    select.className = "status s-" + select.value;
    row.classList.add("edited");
    markDirty();
  };
  select.addEventListener("change", () => { edit(); evaluate(); });
  note.addEventListener("input", edit);
  return row;
}

function planSection(entries, links) {
  const section = el("section", { id: "plan" }, el("h2", {}, "Handlingsplan"));
  if (!entries.length) {
    section.append(el("p.muted", {}, "Ingen handlingsplan i filen."));
    return section;
  }
  const labels = { action: "Planerad åtgärd", due: "Genomförd senast", responsible: "Ansvarig",
                   follow_up: "Uppföljning", follow_up_responsible: "Ansvarig för uppföljningen" };
  entries.forEach((p, index) => {
    const box = el("div.plan-entry", { id: "plan-" + index },
                   el("div", {}, el("strong", {}, "Krav" + (links[index] && links[index].requirement
                                                              ? " " + links[index].requirement : "") + ": "),
                      p.requirement),
                   el("div.muted", {}, p.received ? "Inkommen" : "Inte inkommen"));
    for (const [key, label] of Object.entries(labels)) {
      const input = el(key === "action" ? "textarea" : "input", { id: "plan-" + index + "-" + key });
      input.value = p[key] || "";
      if (key === "action") input.rows = Math.min(8, Math.max(2, Math.ceil(input.value.length / 130)));
      const phrase = el("div.phrase", { id: "plan-" + index + "-" + key + "-phrase" });
      input.addEventListener("input", () => {
        (state.plan[index] = state.plan[index] || { index })[key] = input.value;
        markDirty();
        if (key === "due" || key === "follow_up") readPhrase(input.value, phrase);
      });
      if ((key === "due" || key === "follow_up") && input.value) readPhrase(input.value, phrase);
      box.append(el("label", { for: input.id }, label), input);
      if (key === "due" || key === "follow_up") box.append(phrase);
    }
    section.append(box);
  });
  return section;
}

const phraseSeq = new WeakMap();
async function readPhrase(text, out) {
  const n = (phraseSeq.get(out) || 0) + 1;
  phraseSeq.set(out, n);
  if (!text.trim()) { out.replaceChildren(); return; }
  const r = await api("GET", "/api/dates?text=" + encodeURIComponent(text));
  if (phraseSeq.get(out) !== n) return;
  const parts = r.parts.map(p => p.start
    ? p.text + " → " + (p.start === p.end ? p.start : p.start + " – " + p.end) +
      (p.recurrence ? ", " + (RECURRENCE[p.recurrence] || p.recurrence) : "")
    : p.undated ? p.text + " → " + (p.undated === "ongoing" ? "löpande" : "snarast") + ", utan datum"
    : p.text + " → inget datum");
  const dateless = r.parts.every(p => !p.start && !p.undated);
  out.className = "phrase" + (r.warnings.length || dateless ? " warn" : "");
  out.replaceChildren(parts.join("; "));
  if (r.warnings.length) out.append(el("div", {}, "Varning: " + r.warnings.join("; ")));
}

function dirty() { return Object.keys(state.edits).length + Object.keys(state.plan).length > 0; }

function markDirty() {
  document.getElementById("save").disabled = !dirty();
  const s = document.getElementById("save-state");
  s.className = "state" + (dirty() ? " dirty" : "");
  s.textContent = dirty() ? "Osparade ändringar" : "Inga osparade ändringar";
}

async function evaluate() {
  const n = ++state.seq;
  try {
    const ev = await api("POST", "/api/evaluate", { file: state.file, version: state.version,
                                                    findings: state.edits });
    if (n < state.shown) return;  // a later answer is already shown
    state.shown = n;
    document.getElementById("messages").replaceChildren();
    if (ev.changed_on_disk) document.getElementById("messages").append(banner("error", CHANGED_ON_DISK));
    render(ev);
  } catch (e) {
    document.getElementById("messages").replaceChildren(banner("error", e.message));
  }
}

async function save() {
  const button = document.getElementById("save");
  button.disabled = true;
  try {
    const r = await api("POST", "/api/save", { file: state.file, version: state.version,
                                                findings: state.edits, action_plan: Object.values(state.plan) });
    state.version = r.version;
    state.edits = {}; state.plan = {};
    document.querySelectorAll("tr.edited").forEach(t => t.classList.remove("edited"));
    markDirty();
    const s = document.getElementById("save-state");
    s.className = "state ok";
    s.textContent = "Sparat i " + r.file + " " + new Date().toLocaleTimeString("sv-SE");
    document.getElementById("messages").replaceChildren();
  } catch (e) {
    button.disabled = false;
    document.getElementById("messages").replaceChildren(
      banner("error", e.status === 409 ? "Inte sparat: " + CHANGED_ON_DISK : "Kunde inte spara: " + e.message));
  }
}

// The grade after a received handlingsplan, when it changed one ("C?" while not assessed
// provisions outside the plan could still undo it).
function adjusted(area) {
  const r = area.by_regulation.find(r => r.adjusted);
  if (!r) return null;
  return area.by_regulation.some(r => r.adjustment_provisional) ? r.adjusted + "?" : r.adjusted;
}

// Grades, implied requirements and explanations from one evaluation.
function render(ev) {
  const summary = document.getElementById("summary");
  summary.replaceChildren(...ev.areas.map(a =>
    el("a.tile", { href: "#area-" + a.area, id: "tile-" + a.area, title: a.area + ". " + a.name },
       el("span.name", {}, a.area + ". " + a.name), gradeBadge(a.grade, a.possible),
       adjusted(a) ? el("span.adjusted", { title: "efter inkommen handlingsplan" }, " → " + adjusted(a)) : null)));
  for (const a of ev.areas) {
    const g = document.getElementById("grade-" + a.area);
    if (!g) continue;
    g.replaceChildren(gradeBadge(a.grade, a.possible));
    if (adjusted(a)) g.append(el("span.adjusted", {}, " → " + adjusted(a) + " efter inkommen handlingsplan"));
    g.dataset.grade = a.grade || a.possible;
    document.getElementById("by-" + a.area).textContent = a.by_regulation.length > 1
      ? a.by_regulation.map(r => r.regulation + ": " + (r.grade || r.possible)).join(" · ")
      : (a.grade ? "" : "preliminärt, möjliga betyg " + a.possible);
    document.getElementById("why-" + a.area).textContent = a.explanation;
  }
  document.querySelectorAll(".implied").forEach(n => { n.hidden = true; n.textContent = ""; });
  for (const [reg, statuses] of Object.entries(ev.statuses)) {
    for (const [id, s] of Object.entries(statuses)) {
      if (s.origin !== "implied") continue;
      const n = document.getElementById("implied-" + id);
      if (!n) continue;
      n.hidden = false;
      n.textContent = "Räknas som ej uppfyllt (" + reg + ") eftersom " + s.because.join(", ") +
                      (s.because.length > 1 ? " inte är uppfyllda" : " inte är uppfyllt");
    }
  }
  for (const c of ev.conflicts) {
    const n = document.getElementById("implied-" + c.requirement);
    if (!n) continue;
    n.hidden = false;
    n.textContent = "Angivet som uppfyllt, men förutsätter " + c.because.join(", ") +
                    (c.because.length > 1 ? " som inte är uppfyllda" : " som inte är uppfyllt") + " (" + c.regulation + ")";
  }
  const msgs = ev.diagnostics.map(d => d.message);
  if (msgs.length) document.getElementById("messages").append(banner("info", msgs.join("\n")));
}

// ---------- the rule book ----------

async function showRules(main) {
  const data = await api("GET", "/api/rules");
  const areaName = Object.fromEntries(data.areas.map(a => [a.area, a.name]));
  main.replaceChildren(el("h1", {}, "Regelboken"), el("p.meta", {}, data.model));
  const toc = el("ul.toc", {}, data.regulations.map(r => el("li", {}, el("a", { href: "#reg-" + r.regulation },
                                                                          r.title || r.regulation))),
                 data.diffs.length ? el("li", {}, el("a", { href: "#diff" }, "Skillnader mellan föreskrifterna")) : null);
  main.append(toc);
  for (const r of data.regulations) {
    main.append(el("h2", { id: "reg-" + r.regulation }, (r.title || r.regulation) + " (" + r.regulation + ")"));
    let area = null;
    const rows = [];
    for (const q of r.requirements) {
      if (q.area !== area) {
        area = q.area;
        rows.push(el("tr", {}, el("th", { colspan: 4 }, area + ". " + (areaName[area] || ""))));
      }
      rows.push(el("tr", {}, el("td.id", {}, q.id), el("td.kindcol", {}, el("span.kind." + q.kind, {}, KIND_LABEL[q.kind] || q.kind)),
                   el("td", {}, q.text, q.note ? el("div.muted", {}, q.note) : null),
                   el("td.pre", {}, q.requires.length ? "förutsätter " + q.requires.join(", ") : "")));
    }
    main.append(el("table", {}, el("tbody", {}, rows)));
  }
  for (const d of data.diffs) {
    const items = [];
    for (const a of d.added) items.push(el("li.diff-added", {}, "Tillagt " + a.id + " (" + (KIND_LABEL[a.kind] || a.kind) + "): " + a.text));
    for (const a of d.removed) items.push(el("li.diff-removed", {}, "Borttaget " + a.id + " (" + (KIND_LABEL[a.kind] || a.kind) + "): " + a.text));
    for (const c of d.changed)
      for (const [f, [before, after]] of Object.entries(c.changes))
        items.push(el("li.diff-changed", {}, "Ändrat " + c.id + ", " + f + ": " +
                      (KIND_LABEL[before] || JSON.stringify(before)) + " → " + (KIND_LABEL[after] || JSON.stringify(after))));
    main.append(el("h2", { id: "diff" }, "Skillnader " + d.old + " → " + d.new),
                items.length ? el("ul", {}, items) : el("p.muted", {}, "Inga skillnader."));
  }
}

// ---------- routing ----------

(async () => {
  const main = document.getElementById("main");
  try {
    if (location.pathname === "/inspection") await showInspection(main);
    else if (location.pathname === "/rules") await showRules(main);
    else await showList(main);
  } catch (e) {
    main.replaceChildren(banner("error", e.message));
  }
})();
