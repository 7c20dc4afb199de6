#include "serve/live_simulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "country/country_model.hpp"
#include "engine/parallel_scheduler.hpp"
#include "engine/reference_scheduler.hpp"
#include "models/epstein/model1.hpp"
#include "models/epstein/model2.hpp"
#include "models/epstein/parallel_model1.hpp"
#include "scenario/builtins.hpp"
#include "scenario/country_parameters.hpp"
#include "scenario/country_scenario.hpp"

namespace unrest::serve {
namespace {

// Keys naming files on the server's disk: a browser may not point the server at other files.
bool names_a_file(const std::string& key) {
  return key == "country.regions" || key == "country.map";
}

bool settable(const scenario::ParamSpec& spec) {
  return spec.type != scenario::ParamType::schedule && !names_a_file(spec.key);
}

std::string builtin_names() {
  std::string names;
  for (const scenario::BuiltinScenario& b : scenario::builtin_scenarios()) {
    if (!names.empty()) names += ", ";
    names += b.name;
  }
  return names;
}

// Only built-ins: a request must not make the server read a file of its choosing.
void require_builtin(const std::string& name) {
  if (scenario::find_builtin(name) == nullptr) {
    throw scenario::InputError(fmt::format("scenario '{}': unknown; the built-in scenarios are: {}",
                                           name, builtin_names()));
  }
}

void refuse_file_keys(const std::vector<scenario::Override>& overrides) {
  for (const scenario::Override& o : overrides) {
    if (names_a_file(o.key)) {
      throw scenario::InputError(
          fmt::format("--set {}={}: key '{}': a file path cannot be set from the viewer; set it "
                      "in a scenario file and run that with `unrest run`",
                      o.key, o.value, o.key));
    }
  }
}

std::uint64_t whole(double people) {
  return static_cast<std::uint64_t>(std::llround(people));
}

}  // namespace

const char* name_of(ScenarioKind kind) {
  return kind == ScenarioKind::country ? "country" : "epstein";
}

std::vector<ScenarioInfo> builtin_scenario_list() {
  std::vector<ScenarioInfo> list;
  for (const scenario::BuiltinScenario& b : scenario::builtin_scenarios()) {
    const std::string name(b.name);
    const bool country = scenario::is_country_scenario(name);
    const auto& values = country ? scenario::load_country_scenario(name).values
                                 : scenario::load_scenario(name).values;
    list.push_back({name, country ? ScenarioKind::country : ScenarioKind::epstein,
                    std::get<std::string>(values.at("scenario.description"))});
  }
  return list;
}

std::vector<ParameterInfo> scenario_parameters(const std::string& name) {
  require_builtin(name);
  const bool country = scenario::is_country_scenario(name);
  const auto values =
      country ? scenario::load_country_scenario(name).values : scenario::load_scenario(name).values;
  const auto& specs = country ? scenario::country_parameter_specs() : scenario::parameter_specs();
  std::vector<ParameterInfo> out;
  for (const scenario::ParamSpec& spec : specs) {
    const auto value = values.find(spec.key);
    if (!settable(spec) || value == values.end()) continue;
    out.push_back({&spec, value->second});
  }
  return out;
}

std::optional<std::string> SimulationInfo::time_at(std::uint32_t period) const {
  if (!clock) return std::nullopt;
  return clock->start_of(period + 1).iso();  // the end of `period` is the start of the next
}

// The model and its scheduler, as run/epstein_run.cpp and run/country_run.cpp build them.
struct LiveSimulation::Engine {
  virtual ~Engine() = default;
  virtual void step(std::uint32_t period) = 0;
  virtual Counts counts() = 0;
  virtual std::vector<double> active_share() const { return {}; }
  virtual epstein::LatticeImage image(std::size_t region, int max_side) const = 0;
};

namespace {

Counts counts_of(const epstein::Census& c) {
  return {c.quiet, c.active, c.jailed, c.cops, 0};
}

class EpsteinReference final : public LiveSimulation::Engine {
 public:
  explicit EpsteinReference(const scenario::Scenario& s)
      : model_(s.model, s.seed), scheduler_(s.seed) {}
  void step(std::uint32_t period) override { scheduler_.step(model_, period); }
  Counts counts() override { return counts_of(model_.census()); }
  epstein::LatticeImage image(std::size_t, int max_side) const override {
    return epstein::lattice_image(model_.world(), model_.legitimacy(), max_side);
  }

 private:
  epstein::ModelI model_;
  engine::ReferenceScheduler scheduler_;
};

class EpsteinParallel final : public LiveSimulation::Engine {
 public:
  EpsteinParallel(const scenario::Scenario& s, unsigned threads)
      : scheduler_(threads), model_(s.model, s.seed) {}
  void step(std::uint32_t period) override { scheduler_.step(model_, period); }
  Counts counts() override { return counts_of(model_.census(scheduler_.rows())); }
  epstein::LatticeImage image(std::size_t, int max_side) const override {
    return epstein::lattice_image(model_.world(), model_.legitimacy(), max_side);
  }

 private:
  engine::ParallelScheduler scheduler_;
  epstein::ParallelModelI model_;
};

// Model II (two groups, killing, births and deaths): the site-major model on both schedulers,
// as run/epstein_run.cpp steps it; `killed` counts the kills so far.
class EpsteinModelII final : public LiveSimulation::Engine {
 public:
  EpsteinModelII(const scenario::Scenario& s, unsigned threads)
      : reference_(s.scheduler == scenario::SchedulerKind::reference),
        scheduler_(reference_ ? 1 : threads),
        model_(s.model, s.model2, s.seed, reference_) {}
  void step(std::uint32_t period) override {
    scheduler_.step(model_, period);
    kills_ += model_.group_census().kills;
  }
  Counts counts() override {
    Counts c = counts_of(model_.census());
    c.killed = kills_;
    return c;
  }
  epstein::LatticeImage image(std::size_t, int max_side) const override {
    return epstein::lattice_image(model_.world(), model_.legitimacy(), max_side);
  }

 private:
  bool reference_;
  engine::ParallelScheduler scheduler_;
  epstein::ModelII model_;
  std::uint64_t kills_ = 0;
};

class CountryEngine final : public LiveSimulation::Engine {
 public:
  CountryEngine(const country::CountryParams& params, bool reference, std::uint64_t seed,
                unsigned threads)
      : scheduler_(reference ? 1 : threads),
        model_(params, seed),
        people_per_agent_(params.people_per_agent) {}
  void step(std::uint32_t period) override { scheduler_.step(model_, period); }

  Counts counts() override {
    const country::CountryRecord& record = model_.record();
    if (!record.national.empty()) {
      const country::RegionPeriod& n = record.national.back();
      return {whole(n.quiet), whole(n.active), whole(n.jailed), whole(n.police + n.troops),
              whole(n.citizens_killed + n.police_killed + n.troops_killed)};
    }
    // Period 0: nothing recorded yet; the lattices as placed.
    const double scale = people_per_agent_;
    const epstein::Census c = country::CountryModel::national(model_.census(scheduler_.rows()));
    std::uint64_t forces = 0;
    for (std::size_t r = 0; r < model_.regions(); ++r) {
      forces += model_.region(r).police_on_duty() + model_.region(r).troops_on_duty();
    }
    return {whole(static_cast<double>(c.quiet) * scale),
            whole(static_cast<double>(c.active) * scale),
            whole(static_cast<double>(c.jailed) * scale),
            whole(static_cast<double>(forces) * scale), 0};
  }

  std::vector<double> active_share() const override {
    std::vector<double> shares;
    for (std::size_t r = 0; r < model_.regions(); ++r) {
      shares.push_back(model_.state_of(r).active_share);
    }
    return shares;
  }

  epstein::LatticeImage image(std::size_t region, int max_side) const override {
    const epstein::ParallelModelI& lattice = model_.region(region);
    return epstein::lattice_image(lattice.world(), lattice.legitimacy(), max_side);
  }

  const country::CountryModel& model() const { return model_; }

 private:
  engine::ParallelScheduler scheduler_;
  country::CountryModel model_;
  double people_per_agent_;
};

}  // namespace

LiveSimulation::LiveSimulation(const std::string& name,
                               const std::vector<scenario::Override>& overrides,
                               const LiveOptions& options)
    : options_(options) {
  require_builtin(name);
  refuse_file_keys(overrides);
  scenario::LoadOptions load;
  if (options.available_memory != nullptr) load.available_memory = options.available_memory();
  info_.scenario = name;
  if (!scenario::is_country_scenario(name)) {
    const scenario::Scenario s = scenario::load_scenario(name, overrides, load);
    info_.kind = ScenarioKind::epstein;
    info_.periods = s.periods;
    if (s.model_kind == epstein::ModelKind::two) {
      engine_ = std::make_unique<EpsteinModelII>(s, options.threads);
    } else if (s.scheduler == scenario::SchedulerKind::parallel) {
      engine_ = std::make_unique<EpsteinParallel>(s, options.threads);
    } else {
      engine_ = std::make_unique<EpsteinReference>(s);
    }
    return;
  }
  const scenario::CountryScenario s = scenario::load_country_scenario(name, overrides, load);
  country::CountryParams params = s.params;
  // The reference scheduler: each region one block, the paper's order over all its agents.
  const bool reference = s.scheduler == scenario::SchedulerKind::reference;
  params.whole_lattice_blocks = reference;
  auto engine = std::make_unique<CountryEngine>(params, reference, s.seed, options.threads);
  const country::CountryModel& model = engine->model();
  info_.kind = ScenarioKind::country;
  info_.periods = params.periods;
  info_.map_geojson = s.map_geojson;
  info_.clock.emplace(params.start, params.period_minutes);
  std::size_t most_populous = 0;
  for (std::size_t r = 0; r < params.geography.regions.size(); ++r) {
    const country::Region& region = params.geography.regions[r];
    const int side = model.size_of(r).side;
    info_.regions.push_back({region.id, region.name, side, side});
    if (region.population > params.geography.regions[most_populous].population) most_populous = r;
  }
  viewed_ = params.geography.index_of(params.outcomes.capital).value_or(most_populous);
  engine_ = std::move(engine);
}

LiveSimulation::~LiveSimulation() = default;

void LiveSimulation::step() {
  if (finished()) return;
  engine_->step(period_ + 1);
  ++period_;
}

void LiveSimulation::view(const std::string& region_id) {
  if (info_.kind != ScenarioKind::country) {
    throw scenario::InputError(
        fmt::format("region '{}': {} is an Epstein scenario, with one lattice and no regions",
                    region_id, info_.scenario));
  }
  for (std::size_t r = 0; r < info_.regions.size(); ++r) {
    if (info_.regions[r].id == region_id) {
      viewed_ = r;
      return;
    }
  }
  std::string ids;
  for (const RegionInfo& r : info_.regions) ids += (ids.empty() ? "" : ", ") + r.id;
  throw scenario::InputError(
      fmt::format("region '{}': unknown; expected one of: {}", region_id, ids));
}

Frame LiveSimulation::frame() {
  Frame f;
  f.period = period_;
  f.time = info_.time_at(period_);
  f.counts = engine_->counts();
  f.active_share = engine_->active_share();
  f.region = viewed_;
  f.image = engine_->image(viewed_.value_or(0), options_.max_side);
  return f;
}

}  // namespace unrest::serve
