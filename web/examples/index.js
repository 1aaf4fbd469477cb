// The hosted page lives on the widget origin, whose port the sandbox chose.
document.getElementById('hosted').href = window.AMP_SANDBOX.web + '/?project=demo';
