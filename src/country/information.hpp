// Mechanism 5, information between regions: what each region perceives of the protest
// elsewhere. a_r = w_n · (mean active share of r's land neighbours)
//              + w_m · (1 − shutdown_r · strength) · (prominence-weighted mean active share of
//                the other regions),
// prominence m_q = 1 for a city of national significance, else population_q / largest
// population. Perceived activity follows a_r with a time constant (news and rumour take
// time, and linger). Pure functions of the regions' shares; no agents.
#pragma once

#include <vector>

#include "country/geography.hpp"
#include "country/params.hpp"

namespace unrest::country {

class InformationChannel {
 public:
  InformationChannel(const Geography& geography, const InformationParams& params,
                     int period_minutes);

  // a_r for every region from the regions' active shares and whether each region's internet
  // is shut down.
  std::vector<double> instant(const std::vector<double>& active_share,
                              const std::vector<bool>& shutdown) const;
  // perceived ← perceived + (a − perceived) · (1 − e^(−Δt / memory)).
  void update(std::vector<double>& perceived, const std::vector<double>& active_share,
              const std::vector<bool>& shutdown) const;
  const std::vector<double>& prominence() const { return prominence_; }

 private:
  const Geography* geography_;
  InformationParams params_;
  std::vector<double> prominence_;
  double follow_ = 1.0;  // the share of the gap closed each period
};

}  // namespace unrest::country
