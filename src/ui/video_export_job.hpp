// "Export video…" from the window: the same `briefmap export --video` a script runs, started as a
// child process so that the window stays responsive and the video is exactly what the command line
// makes. Its progress lines (`--progress-lines`) are read without blocking, once per frame.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace briefmap::ui {

class VideoExportJob {
public:
    ~VideoExportJob();
    // Starts `/proc/self/exe export ARGS… --progress-lines`; false (and why in message()) when it cannot.
    bool start(const std::vector<std::string>& args);
    // Reads what the child wrote; true when something changed (progress, or it ended).
    bool poll();
    bool running() const { return m_pid > 0; }
    int framesDone() const { return m_done; }
    int framesTotal() const { return m_total; }
    // While running: the last progress; once ended: "wrote …" or the error line.
    const std::string& message() const { return m_message; }
    bool succeeded() const { return m_exit == 0; }
    void cancel();  // Ctrl+C for the child: it stops cleanly and leaves nothing

private:
    pid_t m_pid = 0;
    int m_out = -1;  // stdout and stderr together
    std::string m_buffer, m_message;
    int m_done = 0, m_total = 0, m_exit = -1;
};

}  // namespace briefmap::ui
