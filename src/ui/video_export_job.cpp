#include "ui/video_export_job.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

extern char** environ;

namespace briefmap::ui {

VideoExportJob::~VideoExportJob() {
    cancel();
    if (m_pid > 0) waitpid(m_pid, nullptr, 0);
    if (m_out >= 0) close(m_out);
}

bool VideoExportJob::start(const std::vector<std::string>& args) {
    if (running()) return false;
    std::vector<std::string> all{"/proc/self/exe", "export"};
    all.insert(all.end(), args.begin(), args.end());
    all.emplace_back("--progress-lines");
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        m_message = "cannot start the export: no pipe";
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    const int spawned = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (spawned != 0) {
        close(fds[0]);
        m_pid = 0;
        m_message = "cannot start the export";
        return false;
    }
    m_out = fds[0];
    fcntl(m_out, F_SETFL, O_NONBLOCK);
    m_buffer.clear();
    m_done = m_total = 0;
    m_exit = -1;
    m_message = "starting…";
    return true;
}

bool VideoExportJob::poll() {
    if (!running()) return false;
    bool changed = false;
    char chunk[4096];
    for (ssize_t n; (n = read(m_out, chunk, sizeof chunk)) > 0;) m_buffer.append(chunk, static_cast<size_t>(n));
    for (size_t nl; (nl = m_buffer.find('\n')) != std::string::npos;) {
        const std::string line = m_buffer.substr(0, nl);
        m_buffer.erase(0, nl + 1);
        int done = 0, total = 0;
        if (std::sscanf(line.c_str(), "progress %d %d", &done, &total) == 2) {
            m_done = done;
            m_total = total;
        } else if (!line.empty()) {
            m_message = line;  // the summary, or the reason it failed
        }
        changed = true;
    }
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        m_pid = 0;
        for (ssize_t n; (n = read(m_out, chunk, sizeof chunk)) > 0;) m_buffer.append(chunk, static_cast<size_t>(n));
        if (!m_buffer.empty() && m_buffer.rfind("progress", 0) != 0) m_message = m_buffer.substr(0, m_buffer.find('\n'));
        close(m_out);
        m_out = -1;
        changed = true;
    }
    return changed;
}

void VideoExportJob::cancel() {
    if (m_pid > 0) kill(m_pid, SIGINT);
}

}  // namespace briefmap::ui
