// Planted violation for the layering check's self-test (never compiled).
#include "protocol/atparser.h"
