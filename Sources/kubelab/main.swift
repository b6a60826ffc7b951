print("kubelab")
