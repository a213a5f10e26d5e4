# Runs `EXE ARG` the way a user without a display would (no DISPLAY or WAYLAND_DISPLAY, and
# QT_QPA_PLATFORM as PLATFORM gives it: "" unsets it, so Qt picks its default, xcb) and checks
# that it exits 0 and prints what EXPECT (a regular expression) says. For issue #12: --help and
# --version must not need a display.
#   cmake -DEXE=path -DARG=--help -DPLATFORM=xcb -DEXPECT=regex -P no_display.cmake
unset(ENV{DISPLAY})
unset(ENV{WAYLAND_DISPLAY})
if(PLATFORM STREQUAL "")
    unset(ENV{QT_QPA_PLATFORM})
else()
    set(ENV{QT_QPA_PLATFORM} "${PLATFORM}")
endif()
execute_process(COMMAND "${EXE}" "${ARG}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 30)
if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "${EXE} ${ARG} exited with ${rc}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT out MATCHES "${EXPECT}")
    message(FATAL_ERROR "${EXE} ${ARG}: the output does not match ${EXPECT}\nstdout: ${out}\nstderr: ${err}")
endif()
message(STATUS "${ARG}: ${out}")
