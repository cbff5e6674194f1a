// dlmath's engine: a tape of scalar nodes and reverse-mode differentiation over it.
#pragma once

#include "engine/anomaly.hpp"
#include "engine/decimal.hpp"
#include "engine/derivatives.hpp"
#include "engine/instances.hpp"
#include "engine/tape.hpp"
#include "engine/var.hpp"
