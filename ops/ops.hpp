// dlmath's operations: every op from + to sigmoid, and Graph<T> to record them on.
#pragma once

#include "engine/engine.hpp"
#include "ops/instances.hpp"
#include "ops/table.hpp"
