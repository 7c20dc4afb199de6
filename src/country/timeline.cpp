// The country model's events: each takes effect at the start of the period it falls in, in
// timeline order. Observations (protest_start, csto_arrival, withdrawal_progress) record what
// happened and change nothing: the model must produce them, not be told them.
#include <algorithm>

#include "country/country_model.hpp"

namespace unrest::country {

void CountryModel::apply_event(const Event& e, std::uint32_t period) {
  const auto each_region = [&](auto&& act) {
    if (e.region) {
      act(states_[*e.region]);
    } else {
      for (RegionState& s : states_) act(s);
    }
  };
  const auto raise_legitimacy = [&](double step) {
    if (params_.legitimacy.enabled) legitimacy_ = std::clamp(legitimacy_ + step, 0.0, 1.0);
  };
  switch (e.type) {
    case EventType::price_hike:
    case EventType::price_rollback:
    case EventType::price_cap:
      each_region([&](RegionState& s) { s.price = e.price; });
      break;
    case EventType::internet_shutdown:
      each_region([](RegionState& s) { s.shutdown = true; });
      break;
    case EventType::internet_restored:
      each_region([](RegionState& s) { s.shutdown = false; });
      break;
    case EventType::state_of_emergency:
      each_region([](RegionState& s) { s.emergency = true; });
      break;
    case EventType::state_of_emergency_lifted:
      each_region([](RegionState& s) { s.emergency = false; });
      break;
    case EventType::government_resigns:
      raise_legitimacy(params_.legitimacy.government_resigns);
      break;
    case EventType::leader_removed:
      raise_legitimacy(params_.legitimacy.leader_removed);
      break;
    case EventType::concession:
      raise_legitimacy(params_.legitimacy.concession);
      break;
    case EventType::shoot_to_kill_order:
      shoot_order_ = true;
      break;
    case EventType::csto_request:
      if (request_period_ == 0) {
        request_period_ = period;
        for (Transit& t : transit_) {
          if (t.troops && t.arrival == 0) {
            t.arrival = period + periods_for_hours(t.after_request_hours);
          }
        }
      }
      break;
    case EventType::withdrawal_start:
    case EventType::withdrawal_end:
      withdraw(period);
      break;
    case EventType::protest_start:
    case EventType::csto_arrival:
    case EventType::withdrawal_progress:
      break;
  }
}

}  // namespace unrest::country
