#ifndef WORKBENCH_CEDITLINE_SHIM_H
#define WORKBENCH_CEDITLINE_SHIM_H
#include <histedit.h>
#endif
