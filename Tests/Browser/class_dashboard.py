#!/usr/bin/env python3
"""The class dashboard in a real browser (headless Chromium driven by Selenium) against a live `lp-shell class`.

Starts `LP_SHELL class --port 0`, joins three simulated learners over HTTPS as the contract says (the class CA from
--ca-dir), posts their progress, opens a consumer conversation for one of them with a real WebSocket client, and
drives the dashboard: rows appear, a progress post shows within 1 s, the stuck highlight, the agent console (take over
from the bot → reply → the learner's socket gets the agent's ContentEvent → read receipt ✓✓ → close → survey), large
type, a wrong teacher key → the 401 panel, no SEVERE browser console entries. Saves two screenshots.

Usage: class_dashboard.py --lp-shell .build/debug/lp-shell [--screenshots docs/images] [--keep-going]
Exit status: 0 when every check passed, 1 when one failed (each failure is printed on one line), 2 on a setup error.
"""

import argparse
import base64
import hashlib
import json
import os
import queue
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from cryptography import x509
from cryptography.hazmat.primitives import serialization
import websocket
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

TUTORIAL = "getting-started"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


# MARK: the class server


class ClassServer:
    """`lp-shell class --port 0` in the background; reads its teacher URL and join line from what it prints."""

    def __init__(self, lp_shell, workdir):
        self.ca_dir = os.path.join(workdir, "ca")
        self.lines = queue.Queue()
        self.output = []
        self.process = subprocess.Popen(
            [lp_shell, "class", "--port", "0", "--ca-dir", self.ca_dir, "--name", "Browser test class"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for stream in (self.process.stdout, self.process.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()
        self.teacher_url = self.join_line = None
        deadline = time.time() + 60
        while (self.teacher_url is None or self.join_line is None) and time.time() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            url = re.search(r"https://\S+/class/#key=[A-Za-z0-9_-]+", line)
            join = re.search(r"lp-shell --join (https://\S+)", line)
            if url:
                self.teacher_url = url.group(0)
            if join:
                self.join_line = join.group(0)
                self.join_url = join.group(1)
        if self.teacher_url is None or self.join_line is None:
            self.stop()
            raise RuntimeError("lp-shell class printed no teacher URL and join line:\n" + "".join(self.output))
        self.base = self.teacher_url.split("/class/")[0]
        self.key = self.teacher_url.split("#key=")[1]
        self.code = self.join_url.split("#")[1].split(".")[0]
        self.context = ssl.create_default_context(cafile=os.path.join(self.ca_dir, "ca.pem"))

    def _read(self, stream):
        for line in stream:
            self.output.append(line)
            self.lines.put(line)

    def spki_pin(self):
        """base64 SHA-256 of the server certificate's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list)."""
        with open(os.path.join(self.ca_dir, "server.pem"), "rb") as file:
            certificate = x509.load_pem_x509_certificate(file.read())
        spki = certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        return base64.b64encode(hashlib.sha256(spki).digest()).decode()

    def request(self, method, path, body=None, token=None):
        """(status, parsed JSON or None) of one HTTPS request to the class."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, context=self.context, timeout=10) as response:
                raw = response.read()
                return response.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except ValueError:
                return error.code, raw.decode(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Learner:
    def __init__(self, server, name):
        self.server = server
        status, answer = server.request("POST", "/class/join", {"code": server.code, "name": name})
        check(status == 200, f"POST /class/join for {name}: {status} {answer}")
        self.name = name
        self.id = answer["learner"]["id"]
        self.token = answer["token"]
        self.account = answer["account"]
        self.exports = {item["name"]: item["value"] for item in answer["exports"]}

    def progress(self, **snapshot):
        snapshot.setdefault("tutorial", TUTORIAL)
        status, answer = self.server.request("POST", "/class/progress", snapshot, token=self.token)
        check(status == 204, f"POST /class/progress for {self.name}: {status} {answer}")


class Consumer:
    """A learner's consumer socket (the Messaging Window API), reading every frame in the background."""

    def __init__(self, server, learner):
        host = learner.exports["LP_CSDS"]
        request = urllib.request.Request(
            f"https://{host}/api/account/{learner.account}/signup", data=b"", method="POST")
        with urllib.request.urlopen(request, context=server.context, timeout=10) as response:
            jwt = json.loads(response.read())["jwt"]
        self.frames = []
        self.lock = threading.Condition()
        self.socket = websocket.create_connection(
            f"wss://{host}/ws_api/account/{learner.account}/messaging/consumer?v=3",
            sslopt={"context": server.context}, timeout=10)
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 1
        self.send("InitConnection", {}, headers=[
            {"type": ".ams.headers.ClientProperties", "deviceFamily": "DESKTOP", "os": "LINUX"},
            {"type": ".ams.headers.ConsumerAuthentication", "jwt": jwt}])
        self.wait(lambda f: f.get("reqId") == "1" and f.get("code") == 200, "InitConnection answered 200")
        self.send("cqm.SubscribeExConversations", {"convState": ["OPEN", "CLOSE"]})
        self.request_conversation()

    def request_conversation(self):
        """Opens a new conversation (the consumer's current one) and subscribes to its messages."""
        request = self.send("cm.ConsumerRequestConversation", {})
        answer = self.wait(lambda f: f.get("reqId") == request, "ConsumerRequestConversation answered")
        check(answer.get("code") == 200, f"ConsumerRequestConversation: {answer}")
        self.conversation = answer["body"]["conversationId"]
        self.send("ms.SubscribeMessagingEvents", {"dialogId": self.conversation, "fromSeq": 0})
        return self.conversation

    def survey_dialog(self):
        """The id of the conversation's survey dialog, once an ExConversation change names it."""
        frame = self.wait(lambda f: f.get("type") == "cqm.ExConversationChangeNotification" and any(
            dialog.get("dialogType") == "POST_SURVEY"
            for change in f.get("body", {}).get("changes", [])
            for dialog in change.get("result", {}).get("conversationDetails", {}).get("dialogs", [])),
            "an ExConversation change with the survey dialog")
        for change in frame["body"]["changes"]:
            for dialog in change["result"]["conversationDetails"]["dialogs"]:
                if dialog.get("dialogType") == "POST_SURVEY":
                    return dialog["dialogId"]

    def _read(self):
        while True:
            try:
                text = self.socket.recv()
            except Exception:
                return
            try:
                frame = json.loads(text)
            except ValueError:
                continue
            with self.lock:
                self.frames.append(frame)
                self.lock.notify_all()

    def send(self, type_, body, headers=None):
        frame = {"kind": "req", "id": str(self.next_id), "type": type_, "body": body}
        if headers:
            frame["headers"] = headers
        self.next_id += 1
        self.socket.send(json.dumps(frame))
        return frame["id"]

    def publish(self, text, dialog=None):
        self.send("ms.PublishEvent", {"dialogId": dialog or self.conversation,
                                      "event": {"type": "ContentEvent", "contentType": "text/plain",
                                                "message": text}})

    def changes(self):
        with self.lock:
            frames = list(self.frames)
        for frame in frames:
            if frame.get("type") == "ms.MessagingEventNotification":
                for change in frame.get("body", {}).get("changes", []):
                    yield change

    def wait(self, predicate, what, timeout=10):
        deadline = time.time() + timeout
        with self.lock:
            while True:
                for frame in self.frames:
                    if predicate(frame):
                        return frame
                left = deadline - time.time()
                check(left > 0, f"the consumer socket never saw: {what}")
                self.lock.wait(left)

    def wait_change(self, predicate, what, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for change in self.changes():
                if predicate(change):
                    return change
            time.sleep(0.05)
        raise Failure(f"the consumer socket never got: {what}")

    def close(self):
        try:
            self.socket.close()
        except Exception:
            pass


# MARK: the browser


def browser(server, profile):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                     "--user-data-dir=" + profile, "--ignore-certificate-errors-spki-list=" + server.spki_pin(),
                     "--disable-extensions", "--no-first-run", "--disable-features=Translate"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def wait_for(driver, condition, what, timeout=10):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05,
                             ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(
            lambda d: condition(d))
    except TimeoutException:
        raise Failure(f"the page never showed: {what}")


def row(driver, learner):
    rows = driver.find_elements(By.CSS_SELECTOR, f'[data-learner="{learner.id}"]')
    return rows[0] if rows else None


def severe(entries, allowed=()):
    return [entry for entry in entries if entry.get("level") == "SEVERE"
            and not any(pattern in entry.get("message", "") for pattern in allowed)]


# MARK: the checks


def run(args, workdir):
    server = ClassServer(args.lp_shell, workdir)
    consumer = None
    driver = None
    passed = []

    def ok(text):
        passed.append(text)
        print("ok   " + text, flush=True)

    try:
        status, state = server.request("GET", "/class/state", token=server.key)
        check(status == 200, f"GET /class/state with the teacher key: {status} {state}")
        steps = [step for step in state["class"]["steps"] if step["tutorial"] == TUTORIAL]
        check(len(steps) >= 4, f"the class lists the {TUTORIAL} steps: {state['class']['steps'][:3]}")
        ids = [step["id"] for step in steps]

        ada, grace, linus = (Learner(server, name) for name in ("Ada", "Grace", "Linus"))
        ada.progress(stepsDone=ids[:2], currentStep=ids[2], commands=9,
                     tokens=[{"name": "LP_EXT_JWT", "state": "valid", "expiresIn": 540},
                             {"name": "LP_JWT", "state": "expired"}])
        linus.progress(stepsDone=ids[:1], currentStep=ids[1], commands=3)
        # Three failures in a row on the same step: stuck.
        for attempt in range(3):
            grace.progress(stepsDone=ids[:1], currentStep=ids[1], commands=4 + attempt,
                           lastError=f"curl: (7) Failed to connect to 127.0.0.1 port 1 after {attempt} ms",
                           lastErrorAt=int(time.time() * 1000) - 1000 + attempt,
                           tokens=[{"name": "LP_EXT_JWT", "state": "missing"}])
            time.sleep(0.06)

        profile = os.path.join(workdir, "chromium-profile")
        driver = browser(server, profile)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        driver.get(server.teacher_url)
        wait_for(driver, lambda d: all(row(d, learner) for learner in (ada, grace, linus)), "a row per learner")
        ok("a row appears for each of the 3 learners")
        check("#key=" not in driver.current_url, f"the key stays in the address bar: {driver.current_url}")
        ok("the key is dropped from the address bar")
        check(server.join_line in driver.find_element(By.ID, "join-line").text,
              "the header shows the join line " + server.join_line)
        ok("the header shows the join line")
        wait_for(driver, lambda d: "stuck" in row(d, grace).get_attribute("class").split(),
                 "Grace's row highlighted as stuck")
        check("stuck" not in row(driver, ada).get_attribute("class").split(), "Ada is not stuck")
        check("Failed to connect" in row(driver, grace).text, "Grace's row shows her last error")
        ok("the stuck learner is highlighted with her last error")
        check("LP_JWT expired" in row(driver, ada).text, "Ada's token chips: " + row(driver, ada).text)
        ok("token state chips show")

        started = time.time()
        ada.progress(stepsDone=ids[:3], currentStep=ids[3], commands=12,
                     tokens=[{"name": "LP_EXT_JWT", "state": "valid", "expiresIn": 480},
                             {"name": "LP_JWT", "state": "expiring", "expiresIn": 50}])
        wait_for(driver, lambda d: f"3/{len(ids)} steps" in row(d, ada).text and steps[3]["title"] in row(d, ada).text,
                 "Ada's row at step 4 after her progress post", timeout=5)
        latency = time.time() - started
        check(latency <= 1.0, f"the progress post reached the page in {latency:.2f} s (over 1 s)")
        ok(f"a progress post shows in the row in {latency * 1000:.0f} ms")
        step_view = driver.find_element(By.ID, "step-view").text
        check("1 on" in step_view, "the step view counts learners on a step: " + step_view[:200])
        ok("the class view counts learners per step")

        # The learner's conversation: the bot takes it (no agent online yet) and echoes.
        consumer = Consumer(server, ada)
        consumer.publish("hello, is anyone there?")
        consumer.wait_change(lambda c: c.get("event", {}).get("message", "").startswith("echo:"), "the bot's echo")
        selector = f'button[data-conversation="{consumer.conversation}"]'
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, selector), "Ada's conversation in her row")
        ok("the learner's conversation shows in her row")
        driver.save_screenshot(os.path.join(args.screenshots, "class-dashboard.png"))

        # Keyboard: Enter on the focused conversation opens the console (the row may be redrawn meanwhile: the page
        # keeps the focus on the same conversation).
        driver.execute_script("arguments[0].focus()", driver.find_element(By.CSS_SELECTOR, selector))
        wait_for(driver, lambda d: d.switch_to.active_element.get_attribute("data-conversation")
                 == consumer.conversation, "the focus on the conversation's button")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        panel = driver.find_element(By.ID, "console")
        wait_for(driver, lambda d: panel.get_attribute("open") is not None, "the agent console open")
        wait_for(driver, lambda d: d.find_element(By.ID, "console-takeover").is_displayed(),
                 "the take-over button for the bot's conversation")
        wait_for(driver, lambda d: "hello, is anyone there?" in d.find_element(By.ID, "transcript").text,
                 "the transcript so far")
        ok("Enter opens the agent console with the transcript")
        driver.find_element(By.ID, "console-takeover").click()
        wait_for(driver, lambda d: panel.get_attribute("data-assigned") == "me", "the teacher as the assigned agent")
        wait_for(driver, lambda d: d.find_element(By.ID, "reply-text").is_enabled(), "the reply box enabled")
        ok("the teacher takes the conversation over from the bot")

        reply = "Hello Ada, the teacher here."
        box = driver.find_element(By.ID, "reply-text")
        box.send_keys(reply)
        box.send_keys(Keys.ENTER)
        agent_message = consumer.wait_change(
            lambda c: c.get("event", {}).get("type") == "ContentEvent" and c["event"].get("message") == reply,
            "the teacher's ContentEvent")
        check(agent_message.get("originatorMetadata", {}).get("role") != "CONSUMER", "the reply comes from an agent")
        ok("the learner's consumer socket receives the teacher's ContentEvent")
        sequence = agent_message["sequence"]
        consumer.send("ms.PublishEvent", {"dialogId": consumer.conversation, "event": {
            "type": "AcceptStatusEvent", "status": "ACCEPT", "sequenceList": [sequence]}})
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '#transcript [data-receipt="ACCEPT"]'),
                 "the ✓ accept receipt")
        consumer.send("ms.PublishEvent", {"dialogId": consumer.conversation, "event": {
            "type": "AcceptStatusEvent", "status": "READ", "sequenceList": [sequence]}})
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '#transcript [data-receipt="READ"]'),
                 "the ✓✓ read receipt")
        check("✓✓" in driver.find_element(By.ID, "transcript").text, "the read receipt shows as ✓✓")
        ok("accept and read receipts show as ✓ and ✓✓")
        consumer.publish("thanks!")
        wait_for(driver, lambda d: "thanks!" in d.find_element(By.ID, "transcript").text, "the learner's next message")
        consumer.wait_change(lambda c: c.get("event", {}).get("type") == "AcceptStatusEvent"
                             and c["event"].get("status") == "READ"
                             and c.get("originatorMetadata", {}).get("role") != "CONSUMER",
                             "the console's READ receipt for the learner's message")
        ok("the console sends ACCEPT/READ receipts for the learner's messages")
        driver.save_screenshot(os.path.join(args.screenshots, "class-agent-console.png"))

        driver.find_element(By.ID, "console-end").click()
        wait_for(driver, lambda d: panel.get_attribute("data-survey") == "open", "the survey dialog open")
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#transcript .msg.survey"),
                 "the survey bot's first message")
        check("survey" in driver.find_element(By.ID, "console-state").text, "the console says the survey runs")
        survey = consumer.survey_dialog()
        consumer.send("ms.SubscribeMessagingEvents", {"dialogId": survey, "fromSeq": 0})
        survey_change = consumer.wait_change(lambda c: c.get("dialogId") == survey
                                             and c.get("event", {}).get("type") == "ContentEvent",
                                             "a survey question in the survey dialog", timeout=15)
        ok("close → the survey bot runs the survey (console and learner see it): "
           + survey_change["event"].get("message", "")[:60])

        # A new conversation of the learner rings the console (the teacher is ONLINE on her account): accept it.
        first = consumer.conversation
        second = consumer.request_conversation()
        wait_for(driver, lambda d: d.find_element(By.ID, "console-accept").is_displayed(), "the ring's Accept button")
        check("ringing" in driver.find_element(By.ID, "console-state").text, "the console says a conversation rings")
        driver.find_element(By.ID, "console-accept").click()
        wait_for(driver, lambda d: second in d.find_element(By.ID, "console-who").text
                 and panel.get_attribute("data-assigned") == "me", "the console on the accepted conversation")
        consumer.publish("a second question")
        wait_for(driver, lambda d: "a second question" in d.find_element(By.ID, "transcript").text,
                 "the new conversation's message")
        box = driver.find_element(By.ID, "reply-text")
        box.send_keys("Second answer" + Keys.ENTER)
        consumer.wait_change(lambda c: c.get("dialogId") == second and c.get("event", {}).get("message")
                             == "Second answer", "the reply in the accepted conversation")
        ok("a ring shows Accept; accepting moves the console to the new conversation and the reply reaches the learner")

        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        wait_for(driver, lambda d: panel.get_attribute("open") is None, "the console closed by Esc")
        wait_for(driver, lambda d: d.switch_to.active_element.get_attribute("data-conversation") == first,
                 "the focus back on the conversation's button")
        ok("Esc closes the console and focus returns to the conversation")

        old_line = driver.find_element(By.ID, "join-line").text
        driver.find_element(By.ID, "copy-join").click()
        wait_for(driver, lambda d: d.find_element(By.ID, "join-status").text in (
            "Copied.", "Selected: press Ctrl+C to copy."), "the copy button's answer")
        driver.find_element(By.ID, "rotate-code").click()
        wait_for(driver, lambda d: d.find_element(By.ID, "join-line").text not in ("", old_line)
                 and "New code" in d.find_element(By.ID, "join-status").text, "a new join line after New code")
        new_code = driver.find_element(By.ID, "join-line").text.split("#")[1].split(".")[0]
        status, _ = server.request("POST", "/class/join", {"code": server.code, "name": "Late"})
        check(status == 401, f"the old join code after a rotation: {status}, not 401")
        status, _ = server.request("POST", "/class/join", {"code": new_code, "name": "Late"})
        check(status == 200, f"the new join code {new_code} shown on the page: {status}, not 200")
        ok("Copy answers; New code shows a new join line whose code works (the old one gets 401)")

        entries = driver.get_log("browser")
        bad = severe(entries)
        check(not bad, "SEVERE browser console entries: " + json.dumps(bad)[:600])
        ok("no SEVERE entries in the browser console")

        driver.get(server.base + "/class/?large=1")
        wait_for(driver, lambda d: "large" in d.find_element(By.TAG_NAME, "html").get_attribute("class").split()
                 and row(d, ada), "large type with ?large=1 (after a reload, the session kept)")
        ok("?large=1 turns on large type; a reload keeps the session")

        driver.delete_all_cookies()
        driver.execute_script("sessionStorage.clear(); localStorage.clear();")
        driver.get(server.base + "/class/#key=not-the-teacher-key")
        wait_for(driver, lambda d: d.find_element(By.ID, "auth").is_displayed(), "the teacher-key panel")
        check("Teacher key required" in driver.find_element(By.ID, "auth").text, "the panel says teacher key required")
        check(not driver.find_elements(By.CSS_SELECTOR, "[data-learner]"), "no learner rows without the key")
        check("Ada" not in driver.page_source, "no learner data without the key")
        # Chromium logs the refused request itself (the 401); nothing else may be logged.
        bad = severe(driver.get_log("browser"), allowed=("401",))
        check(not bad, "SEVERE browser console entries on the 401 panel: " + json.dumps(bad)[:600])
        ok("a wrong key gets the 'teacher key required' panel and no data")
        # The right URL pasted into the same tab (a fragment change, no reload) opens the dashboard.
        driver.get(server.teacher_url)
        wait_for(driver, lambda d: row(d, ada) and not d.find_element(By.ID, "auth").is_displayed(),
                 "the dashboard after the right key in the same tab")
        ok("the right key pasted into the same tab opens the dashboard")
        return passed
    finally:
        if consumer:
            consumer.close()
        if driver:
            driver.quit()
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lp-shell", default=".build/debug/lp-shell")
    parser.add_argument("--screenshots", default="docs/images")
    args = parser.parse_args()
    if not os.access(args.lp_shell, os.X_OK):
        print(f"class_dashboard: {args.lp_shell} is not an executable (build it first)", file=sys.stderr)
        return 2
    os.makedirs(args.screenshots, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="lp-class-browser-")
    try:
        passed = run(args, workdir)
        print(f"class_dashboard: {len(passed)} checks passed")
        return 0
    except Failure as failure:
        print(f"FAIL {failure}", flush=True)
        return 1
    except RuntimeError as error:
        print(f"class_dashboard: {error}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
