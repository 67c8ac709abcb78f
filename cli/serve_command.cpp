#include "serve_command.hpp"

#include <httplib.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <random>

#include "serve_assets.hpp"
#include "serve_store.hpp"
#include "spur/action_plan.hpp"
#include "spur/report.hpp"

namespace spur::cli {

CLI::App* add_serve_command(CLI::App& app, ServeOptions& o) {
  auto* serve = app.add_subcommand(
      "serve", "a local web application: fill in inspections, watch the grades, browse the rules");
  serve->add_option("folder", o.folder, "folder of inspection files (default: this folder)");
  serve->add_option("--port", o.port, "port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->default_str("8080");
  serve
      ->add_option("--host", o.host,
                   "address to listen on; anything but 127.0.0.1 lets other machines in")
      ->default_str("127.0.0.1");
  return serve;
}

namespace {

constexpr std::size_t max_request_bytes = 1 << 20;  // 1 MiB: far above any inspection

std::string random_token() {
  std::random_device rd;
  std::string out;
  static const char* hex = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) out += hex[rd() % 16];
  return out;
}

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, {{"error", message}}, status);
}

httplib::Server* running = nullptr;

extern "C" void stop_on_signal(int) {
  if (running) running->stop();
}

}  // namespace

int run_serve(const ServeOptions& o, const RuleBook& book) {
  std::unique_ptr<InspectionFolder> folder;
  try {
    folder = std::make_unique<InspectionFolder>(o.folder);
  } catch (const Refusal& e) {
    std::cerr << "spur serve: " << e.what() << "\n";
    return 1;
  }
  const std::string token = random_token();
  httplib::Server server;
  server.set_payload_max_length(max_request_bytes);
  int port = o.port;
  std::vector<std::string> hosts;  // the Host headers answered to; empty: any

  // Every request: a Host naming this server. Requests that change data: JSON from a page of
  // this server (same Origin when the browser sends one, and the page's token).
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    const std::string host = req.get_header_value("Host");
    if (!hosts.empty() && std::find(hosts.begin(), hosts.end(), host) == hosts.end()) {
      send_error(res, 403, "unknown Host '" + host + "'; open the address spur serve printed");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      const std::string origin = req.get_header_value("Origin");
      if (!origin.empty() && origin != "http://" + host) {
        send_error(res, 403, "cross-site request from " + origin + " refused");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.get_header_value("X-Spur-Token") != token) {
        send_error(res, 403, "missing or wrong X-Spur-Token; reload the page");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  auto page = [&](const char* title) {
    return [&, title](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                     "base-uri 'none'; frame-ancestors 'none'");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Cache-Control", "no-store");
      res.set_content(page_html(title, token), "text/html; charset=utf-8");
    };
  };
  server.Get("/", page("Inspektioner"));
  server.Get("/inspection", page("Inspektion"));
  server.Get("/rules", page("Regelboken"));
  server.Get("/assets/spur.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(stylesheet()), "text/css; charset=utf-8");
  });
  server.Get("/assets/spur.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(script()), "text/javascript; charset=utf-8");
  });

  // The API: every handler answers JSON; a Refusal becomes its status and message.
  auto api = [&](auto&& body) {
    return [&, body](const httplib::Request& req, httplib::Response& res) {
      try {
        send_json(res, body(req));
      } catch (const Refusal& e) {
        send_error(res, e.status, e.what());
      } catch (const Error& e) {
        send_error(res, 400, e.what());
      } catch (const std::exception& e) {
        send_error(res, 500, std::string("internal error: ") + e.what());
      }
    };
  };
  auto json_body = [](const httplib::Request& req) {
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
      throw Refusal(415, "send JSON (Content-Type: application/json)");
    auto j = nlohmann::json::parse(req.body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      throw Refusal(400, "the request body is not a JSON object");
    return j;
  };
  server.Get("/api/inspections",
             api([&](const httplib::Request&) { return inspections_json(book, *folder); }));
  server.Get("/api/inspection", api([&](const httplib::Request& req) {
               return inspection_json(book, *folder, req.get_param_value("file"));
             }));
  server.Get("/api/rules", api([&](const httplib::Request&) { return rules_json(book); }));
  server.Get("/api/dates", api([&](const httplib::Request& req) {
               return date_phrase_json(req.get_param_value("text"));
             }));
  server.Post("/api/evaluate", api([&](const httplib::Request& req) {
                return evaluate_edits(book, *folder, json_body(req));
              }));
  server.Post("/api/save", api([&](const httplib::Request& req) {
                return save_edits(book, *folder, json_body(req));
              }));
  server.Post("/api/new", api([&](const httplib::Request& req) {
                return create_inspection(book, *folder, json_body(req));
              }));
  // The report of an inspection as `spur report` writes it (HTML, or PDF with format=pdf),
  // followed up as of today. The HTML has no scripts; the policy forbids any all the same.
  server.Get("/report", [&](const httplib::Request& req, httplib::Response& res) {
    try {
      const auto path = folder->existing(req.get_param_value("file"));
      const Evaluation ev =
          evaluate(book, std::make_shared<const Inspection>(Inspection::load(path.string())));
      const Report report = build_report({&ev}, ReportOptions{.as_of = today()});
      res.set_header("Cache-Control", "no-store");
      if (req.get_param_value("format") == "pdf") {
        res.set_content(to_pdf(report), "application/pdf");
      } else {
        res.set_header("Content-Security-Policy",
                       "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        res.set_content(to_html(report), "text/html; charset=utf-8");
      }
    } catch (const Refusal& e) {
      send_error(res, e.status, e.what());
    } catch (const Error& e) {
      send_error(res, 400, e.what());
    }
  });
  server.Post("/api/import", api([&](const httplib::Request& req) {
                return import_report_text(book, *folder, json_body(req));
              }));
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.status == 413)
      send_error(res, 413, "request too large (at most 1 MiB)");
    else if (res.body.empty())
      send_error(res, res.status, "not found");
  });

  if (port == 0) {
    port = server.bind_to_any_port(o.host);
    if (port < 0) port = -1;
  } else if (!server.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "spur serve: cannot listen on " << o.host << ":" << o.port
              << " (in use or not an address of this machine); try another --port\n";
    return 1;
  }
  const std::string p = std::to_string(port);
  const bool loopback = o.host == "127.0.0.1" || o.host == "localhost" || o.host == "::1";
  // On loopback only the loopback names are answered (no DNS rebinding); on another address
  // the machine's names are not known here, and the token guards what changes data.
  if (loopback) hosts = {o.host + ":" + p, "127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p};
  if (!loopback)
    std::cerr << "spur serve: warning: listening on " << o.host
              << ", so other machines can reach these files\n";
  std::cout << "spur serve: " << folder->root().string() << " at http://"
            << (o.host == "0.0.0.0" ? std::string("127.0.0.1") : o.host) << ":" << p
            << "/ (Ctrl-C stops)" << std::endl;
  running = &server;
  std::signal(SIGINT, stop_on_signal);
  std::signal(SIGTERM, stop_on_signal);
  server.listen_after_bind();
  running = nullptr;
  return 0;
}

}  // namespace spur::cli
